import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { User } from '@contract/auth';
import type { Role } from '@contract/common';
import { Page } from '@/components/page';
import { useMe } from '@/features/auth/use-me';

interface StaffGateProps {
  title: string;
  roles: readonly Role[];
  /** What the page is, said to someone whose role cannot use it. */
  deniedText: string;
  children: (user: User) => ReactNode;
}

/** Staff screens render only for the roles the API lets in, so nobody meets a wall of 403 toasts. */
export function StaffGate({ title, roles, deniedText, children }: StaffGateProps) {
  const { user } = useMe();
  if (!user || user.role === 'enterprise') {
    return (
      <Page title={title}>
        <View className="yst-field">
          <Text className="yst-field__label">请先使用工作人员账号登录</Text>
          <View className="yst-actions">
            <Button type="primary" block onClick={() => void Taro.redirectTo({ url: '/staff/pages/login/index' })}>
              去登录
            </Button>
          </View>
        </View>
      </Page>
    );
  }
  if (!roles.includes(user.role)) {
    return (
      <Page title={title}>
        <Text className="yst-note">{deniedText}</Text>
      </Page>
    );
  }
  return <Page title={title}>{children(user)}</Page>;
}
