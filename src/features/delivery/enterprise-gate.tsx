import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import { LoginPanel } from '@/features/auth/login-panel';
import { useMe } from '@/features/auth/use-me';

/** Booking needs a signed-in user of a bound enterprise; say which step is missing. */
export function EnterpriseGate({ children }: { children: ReactNode }) {
  const session = useMe();
  if (!session.token) return <LoginPanel />;
  if (session.user && session.user.role !== 'enterprise') {
    return <Empty title="请使用企业账号" description="证照递送预约由企业用户在“营商通”中办理" />;
  }
  if (session.enterprise === undefined) return <Text className="yst-note">正在加载企业信息…</Text>;
  if (session.enterprise === null) {
    return (
      <View className="yst-field">
        <Text className="yst-field__label">请先绑定企业</Text>
        <Text className="yst-field__hint">证照递送按企业预约，绑定后即可办理</Text>
        <View className="yst-actions">
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
            去绑定企业
          </Button>
        </View>
      </View>
    );
  }
  return <>{children}</>;
}
