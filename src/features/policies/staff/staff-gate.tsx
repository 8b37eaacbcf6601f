import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { useMe } from '@/features/auth/use-me';

/** Department staff and admins only; anyone else is sent to the staff login. */
export function StaffGate({ title, children }: { title: string; children: ReactNode }) {
  const session = useMe();
  const role = session.user?.role;
  if (role !== 'staff' && role !== 'admin') {
    return (
      <Page title={title}>
        <View className="yst-field">
          <Text className="yst-field__label">请先使用部门工作人员账号登录</Text>
          <View className="yst-actions">
            <Button type="primary" block onClick={() => void Taro.redirectTo({ url: '/staff/pages/login/index' })}>
              去登录
            </Button>
          </View>
        </View>
      </Page>
    );
  }
  return <Page title={title}>{children}</Page>;
}
