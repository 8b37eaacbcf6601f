import { Text, View } from '@tarojs/components';
import type { TicketEvent } from '@contract/satisfaction';
import { chinaDateTime } from '@/lib/china-time';
import { ACTION_LABELS } from './ticket-format';

export function TicketTimeline({ history }: { history: readonly TicketEvent[] }) {
  return (
    <View className="yst-card" data-testid="timeline">
      <Text className="yst-card__title">办理记录</Text>
      <View className="yst-ticket-timeline">
        {history.map((e, i) => (
          <View key={`${e.at}-${i}`} className="yst-ticket-timeline__item">
            <View className="yst-ticket-timeline__dot" />
            <View className="yst-ticket-timeline__body">
              <Text className="yst-ticket-timeline__title">
                {ACTION_LABELS[e.action]} · {e.by}
              </Text>
              <Text className="yst-ticket-timeline__time">{chinaDateTime(e.at)}</Text>
              {e.note ? <Text className="yst-ticket-timeline__note">{e.note}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
