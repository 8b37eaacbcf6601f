import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { isWeapp } from '@/lib/wx/env';
import { showSuccessToast } from '@/lib/wx/ui';
import { loginWithTestOpenid, loginWithWechat } from './api';
import { useAppMeta } from './use-app-meta';

function useLoginAction(action: () => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await action();
      showSuccessToast('登录成功');
    } catch {
      // The request client already showed why.
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function WechatLogin() {
  const { busy, run } = useLoginAction(loginWithWechat);
  return (
    <Button type="primary" block loading={busy} onClick={() => void run()}>
      微信一键登录
    </Button>
  );
}

const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function TestOpenidLogin() {
  const [openid, setOpenid] = useState('');
  const valid = OPENID_PATTERN.test(openid.trim());
  const { busy, run } = useLoginAction(() => loginWithTestOpenid(openid));
  return (
    <View>
      <Text className="yst-field__label">测试 openid（演示模式）</Text>
      <Input name="openid" value={openid} placeholder="如 demo-user-1" maxLength={64} onChange={setOpenid} />
      <Text className="yst-field__hint">演示环境中输入任意测试标识即可模拟微信登录，同一标识对应同一用户。</Text>
      <View className="yst-actions">
        <Button type="primary" block disabled={!valid} loading={busy} onClick={() => void run()}>
          登录
        </Button>
      </View>
    </View>
  );
}

function H5Login() {
  const meta = useAppMeta();
  if (!meta) return <Text className="yst-field__hint">正在加载…</Text>;
  if (!meta.demo) return <Text className="yst-field__label">请在微信中打开“营商通”小程序登录</Text>;
  return <TestOpenidLogin />;
}

/** Logged-out state: WeChat login in the mini-program, a test openid box on H5 in demo mode. */
export function LoginPanel() {
  return (
    <View className="yst-field" data-testid="login-panel">
      <Text className="yst-card__title">登录营商通</Text>
      <Text className="yst-field__hint">登录后可绑定企业、查询政策、预约证照递送</Text>
      <View className="yst-actions">{isWeapp ? <WechatLogin /> : <H5Login />}</View>
    </View>
  );
}
