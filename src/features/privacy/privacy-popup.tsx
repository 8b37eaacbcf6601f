import { Popup } from '@nutui/nutui-react-taro';
import { Button, Text, View } from '@tarojs/components';
import { isWeapp } from '@/lib/wx/env';
import { openPrivacyContract, PRIVACY_REFUSED_MESSAGE } from '@/lib/wx/privacy';
import { showErrorToast } from '@/lib/wx/ui';
import { AGREE_BUTTON_ID, privacyStore, usePrivacyRequest } from './privacy-store';

// The refused API fails quietly where it was called (the address form just stays empty), so say why here.
function refuse(): void {
  privacyStore.answer(false);
  showErrorToast(PRIVACY_REFUSED_MESSAGE);
}

/**
 * WeChat's privacy consent: the agree button must be a native open-type button for WeChat to accept it.
 * The contract opens in WeChat's own page (not our /pages/privacy, where this popup would cover the text).
 */
export function PrivacyPopup() {
  const open = usePrivacyRequest();
  if (!isWeapp || !open) return null;
  return (
    <Popup visible position="bottom" round closeable={false} onOverlayClick={() => false}>
      <View className="yst-privacy">
        <Text className="yst-privacy__title">用户隐私保护提示</Text>
        <Text className="yst-privacy__text">
          在使用相关服务前，请您阅读并同意《营商通隐私保护指引》。我们仅在您使用对应功能时收集必要信息，您可随时在“我的-隐私政策”中查看。
        </Text>
        <View className="yst-link" ariaRole="link" onClick={openPrivacyContract}>
          查看《营商通隐私保护指引》
        </View>
        <View className="yst-actions">
          <Button
            id={AGREE_BUTTON_ID}
            type="primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => privacyStore.answer(true)}
          >
            同意并继续
          </Button>
          <Button onClick={refuse}>拒绝</Button>
        </View>
      </View>
    </Popup>
  );
}
