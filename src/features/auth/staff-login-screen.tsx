import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { errorMessage } from '@/lib/api/api-error';
import { loginAsStaff } from './api';

const STAFF_HOME = '/staff/pages/home/index';

export function StaffLoginScreen() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canSubmit = username.trim().length > 0 && password.length > 0 && !busy;

  const submit = async () => {
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      await loginAsStaff({ username: username.trim(), password });
      await Taro.redirectTo({ url: STAFF_HOME });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="工作人员登录">
      <View className="yst-header">
        <Text className="yst-header__title">工作人员登录</Text>
        <Text className="yst-header__subtitle">区直部门、窗口及走访人员使用</Text>
      </View>
      <View className="yst-field">
        <Text className="yst-field__label">用户名</Text>
        <Input name="username" value={username} placeholder="请输入用户名" maxLength={64} onChange={setUsername} />
      </View>
      <View className="yst-field">
        <Text className="yst-field__label">密码</Text>
        <Input name="password" type="password" value={password} placeholder="请输入密码" maxLength={128} onChange={setPassword} />
        {error ? (
          <Text className="yst-field__error">
            {error}
          </Text>
        ) : null}
      </View>
      <View className="yst-actions">
        <Button type="primary" block disabled={!canSubmit} loading={busy} onClick={() => void submit()}>
          登录
        </Button>
      </View>
    </Page>
  );
}
