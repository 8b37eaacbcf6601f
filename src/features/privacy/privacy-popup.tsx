import { Popup } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { isWeapp } from '@/lib/wx/env';
import { AGREE_BUTTON_ID, privacyStore, usePrivacyRequest } from './privacy-store';

export const PRIVACY_PAGE = '/pages/privacy/index';

/** WeChat's privacy consent: the agree button must be a native open-type button for WeChat to accept it. */
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
        <Text className="yst-link" onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })}>
          查看《营商通隐私保护指引》
        </Text>
        <View className="yst-actions">
          <Button
            id={AGREE_BUTTON_ID}
            type="primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => privacyStore.answer(true)}
          >
            同意并继续
          </Button>
          <Button onClick={() => privacyStore.answer(false)}>拒绝</Button>
        </View>
      </View>
    </Popup>
  );
}
