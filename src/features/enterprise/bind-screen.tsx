import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { useSession } from '@/features/auth/use-session';
import { LoginPanel } from '@/features/auth/login-panel';
import { showSuccessToast } from '@/lib/wx/ui';
import { BindForm } from './bind-form';
import { EnterpriseCard } from './enterprise-card';

export function BindScreen() {
  const session = useSession();
  const onBound = () => {
    showSuccessToast('绑定成功');
    setTimeout(() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' })), 800);
  };
  return (
    <Page title="绑定企业">
      <View className="yst-header">
        <Text className="yst-header__title">绑定企业</Text>
        <Text className="yst-header__subtitle">绑定后可查看本企业适用的政策与办件进度</Text>
      </View>
      {!session.token ? (
        <LoginPanel />
      ) : session.enterprise ? (
        <>
          <Text className="yst-note">您已绑定以下企业，如需更换请先在“我的”中解除绑定。</Text>
          <EnterpriseCard enterprise={session.enterprise} />
        </>
      ) : (
        <BindForm onBound={onBound} />
      )}
    </Page>
  );
}
