import { Text, View } from '@tarojs/components';

/** One labelled fact in a card (label left, value right), as every detail screen shows them. */
export function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="yst-row">
      <Text className="yst-row__label">{label}</Text>
      <Text className="yst-row__value">{value}</Text>
    </View>
  );
}
