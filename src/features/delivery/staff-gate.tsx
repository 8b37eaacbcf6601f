import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useMe } from '@/features/auth/use-me';

/** Staff pages: a staff or admin session; the server still decides (only the handling department processes). */
export function StaffGate({ children }: { children: ReactNode }) {
  const session = useMe();
  const role = session.user?.role;
  if (session.token && (role === 'staff' || role === 'admin')) return <>{children}</>;
  return (
    <View className="yst-field">
      <Text className="yst-field__label">请先使用工作人员账号登录</Text>
      <View className="yst-actions">
        <Button type="primary" block onClick={() => void Taro.redirectTo({ url: '/staff/pages/login/index' })}>
          去登录
        </Button>
      </View>
    </View>
  );
}
