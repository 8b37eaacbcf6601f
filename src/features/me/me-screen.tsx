import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Switch } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { logout } from '@/features/auth/api';
import { LoginPanel } from '@/features/auth/login-panel';
import { useMe } from '@/features/auth/use-me';
import { EnterpriseCard } from '@/features/enterprise/enterprise-card';
import { useUnbind } from '@/features/enterprise/use-unbind';
import { useCareMode } from '@/features/settings/care-mode-store';
import { confirm } from '@/lib/wx/ui';
import { PhoneRow } from './phone-row';

const go = (url: string) => () => void Taro.navigateTo({ url });

function EnterpriseSection() {
  const session = useMe();
  const { unbind, busy } = useUnbind();
  if (session.enterprise === undefined) return <Text className="yst-note">正在加载企业信息…</Text>;
  if (session.enterprise === null) {
    return (
      <CellGroup title="我的企业">
        <Cell title="绑定企业" description="输入统一社会信用代码，查看本企业适用政策" clickable onClick={go('/pages/bind/index')} />
      </CellGroup>
    );
  }
  const { name } = session.enterprise;
  return (
    <View>
      <EnterpriseCard enterprise={session.enterprise} />
      <CellGroup title="惠企政策">
        <Cell title="我的享受" description="免申即享的公示、确认与兑现进度" clickable onClick={go('/pages/benefits/index')} />
        <Cell title="政策计算器" description="本企业符合哪些政策、为什么" clickable onClick={go('/policy-tools/pages/calculator/index')} />
        <Cell title="我的留言" clickable onClick={go('/policy-tools/pages/messages/index')} />
      </CellGroup>
      <View className="yst-section">
        <Button size="small" fill="outline" type="danger" loading={busy} onClick={() => void unbind(name)}>
          解除绑定
        </Button>
      </View>
    </View>
  );
}

export function MeScreen() {
  const session = useMe();
  const [careMode, setCareMode] = useCareMode();
  const user = session.user;

  const signOut = async () => {
    if (await confirm('退出登录', '确定退出当前账号吗？', '退出')) await logout();
  };

  return (
    <Page title="我的">
      <View className="yst-header">
        <Text className="yst-header__title">{user ? user.displayName || '企业用户' : '未登录'}</Text>
        <Text className="yst-header__subtitle">
          {user ? (user.phoneMasked ? `手机号 ${user.phoneMasked}` : '已登录') : '登录后享受更多服务'}
        </Text>
      </View>
      {session.token ? <EnterpriseSection /> : <LoginPanel />}
      {/* Only enterprise accounts may authorise a number (the phone endpoint's access). */}
      {session.token && user?.role === 'enterprise' ? <PhoneRow user={user} /> : null}
      <CellGroup title="设置与服务">
        <Cell
          title="关怀模式"
          description="大字号、高对比度"
          extra={<Switch checked={careMode} onChange={(value: boolean) => setCareMode(value)} ariaLabel="关怀模式" />}
        />
        <Cell title="设置" clickable onClick={go('/pages/settings/index')} />
        <Cell title="隐私政策" clickable onClick={go('/pages/privacy/index')} />
        <Cell title="工作人员入口" clickable onClick={go('/staff/pages/login/index')} />
      </CellGroup>
      {session.token ? (
        <View className="yst-actions">
          <Button block onClick={() => void signOut()}>
            退出登录
          </Button>
        </View>
      ) : null}
    </Page>
  );
}
