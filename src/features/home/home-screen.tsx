import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { useMe } from '@/features/auth/use-me';
import { showErrorToast } from '@/lib/wx/ui';
import { SHORTCUTS, type Shortcut } from './shortcuts';

function open(shortcut: Shortcut) {
  if (shortcut.tab) void Taro.switchTab({ url: shortcut.tab });
  else if (shortcut.page) void Taro.navigateTo({ url: shortcut.page });
  else showErrorToast(`${shortcut.label}即将上线`);
}

function Welcome() {
  const session = useMe();
  if (session.enterprise) {
    return (
      <View className="yst-header">
        <Text className="yst-header__title">您好，{session.enterprise.name}</Text>
        <Text className="yst-header__subtitle">
          {session.enterprise.district} · {session.enterprise.industry} · {session.enterprise.scale}企业
        </Text>
      </View>
    );
  }
  return (
    <View className="yst-header">
      <Text className="yst-header__title">欢迎使用营商通</Text>
      <Text className="yst-header__subtitle">惠企政策、证照递送、服务评价，一站办理</Text>
      <View className="yst-section">
        <Button size="small" onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
          绑定我的企业
        </Button>
      </View>
    </View>
  );
}

export function HomeScreen() {
  return (
    <Page title="首页">
      <Welcome />
      <View className="yst-grid">
        {SHORTCUTS.map((shortcut) => (
          <View key={shortcut.label} className="yst-grid__item" onClick={() => open(shortcut)}>
            <View className="yst-grid__icon">{shortcut.glyph}</View>
            <Text className="yst-grid__label">{shortcut.label}</Text>
            {shortcut.tab || shortcut.page ? null : <Text className="yst-grid__badge">即将上线</Text>}
          </View>
        ))}
      </View>
      <Text className="yst-note">本区惠企政策“免申即享”，符合条件的企业无需申请即可享受。</Text>
    </Page>
  );
}
