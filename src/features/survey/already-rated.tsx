import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { chinaDateTime } from '@/lib/china-time';

/** “您已于 …”: the moment of the earlier rating, read in China time. */
export function alreadyRatedText(ratedAt: string, now: Date = new Date()): string {
  const when = chinaDateTime(ratedAt, now);
  return `您已于 ${when} 评价过该事项的这一阶段，感谢您的反馈。`;
}

/** Shown instead of the form when this stage is already rated: nothing to fill in, nothing to submit. */
export function AlreadyRated({ ratedAt, note }: { ratedAt: string; note?: string }) {
  return (
    <View className="yst-sv-result" ariaRole="status">
      <Text className="yst-sv-result__icon">✓</Text>
      <Text className="yst-sv-result__title">您已评价过</Text>
      <Text className="yst-sv-result__text">{alreadyRatedText(ratedAt)}</Text>
      {note ? <Text className="yst-sv-result__text">{note}</Text> : null}
      <View className="yst-actions">
        <Button block onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </View>
    </View>
  );
}
