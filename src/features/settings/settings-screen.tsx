import { Cell, CellGroup, Switch } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { useCareMode } from './care-mode-store';

export function SettingsScreen() {
  const [careMode, setCareMode] = useCareMode();
  return (
    <Page title="设置">
      <CellGroup>
        <Cell
          className="yst-cell--switch"
          title="关怀模式"
          description="放大字号、增强对比度，方便阅读"
          extra={
            <Switch
              checked={careMode}
              onChange={(value: boolean) => setCareMode(value)}
              aria-label="关怀模式"
            />
          }
        />
      </CellGroup>
      <View className="yst-note">
        <Text>开启后所有页面立即生效，设置保存在本机。</Text>
      </View>
    </Page>
  );
}
