import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { User } from '@contract/auth';
import type { Role } from '@contract/common';
import { Page } from '@/components/page';
import { useMe } from './use-me';

export const STAFF_LOGIN_PAGE = '/staff/pages/login/index';

interface StaffGateProps {
  title: string;
  /** The roles the page's API lets in; the server still decides every request. */
  roles: readonly Role[];
  /**
   * What the page is, said to a signed-in member of staff whose role cannot use it. Without it they are
   * sent to the login like anyone else (to sign in with an account that can).
   */
  deniedText?: string;
  loginText?: string;
  children: ReactNode | ((user: User) => ReactNode);
}

function LoginPrompt({ text }: { text: string }) {
  return (
    <View className="yst-field">
      <Text className="yst-field__label">{text}</Text>
      <View className="yst-actions">
        <Button type="primary" block onClick={() => void Taro.redirectTo({ url: STAFF_LOGIN_PAGE })}>
          去登录
        </Button>
      </View>
    </View>
  );
}

/** Staff screens render only for the roles the API lets in, so nobody meets a wall of 403 toasts. */
export function StaffGate({ title, roles, deniedText, loginText = '请先使用工作人员账号登录', children }: StaffGateProps) {
  const { user } = useMe();
  const allowed = user !== null && roles.includes(user.role);
  let content: ReactNode;
  if (user && allowed) content = typeof children === 'function' ? children(user) : children;
  else if (user && user.role !== 'enterprise' && deniedText) content = <Text className="yst-note">{deniedText}</Text>;
  else content = <LoginPrompt text={loginText} />;
  return <Page title={title}>{content}</Page>;
}
