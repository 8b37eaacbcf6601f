import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

/** Until a detail screen's data is there: the failure with 重试, or 正在加载…. */
export function LoadState({ error, onRetry }: { error: string | null; onRetry: () => void }) {
  if (!error) return <Text className="yst-note">正在加载…</Text>;
  return (
    <View className="yst-field">
      <Text className="yst-field__error">{error}</Text>
      <View className="yst-actions">
        <Button block onClick={onRetry}>
          重试
        </Button>
      </View>
    </View>
  );
}
