import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useMe } from '@/features/auth/use-me';

/** Visits are opened by district staff (走访人员, department staff, 营商办); others are sent to log in. */
export function StaffGate({ children }: { children: JSX.Element }) {
  const session = useMe();
  const role = session.user?.role;
  if (session.token && (role === 'visitor' || role === 'staff' || role === 'admin')) return children;
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
