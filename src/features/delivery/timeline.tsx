import { Text, View } from '@tarojs/components';
import { deliveryStatusLabel } from '@contract/delivery-rules';
import type { Delivery, DeliveryStatus } from './api';
import { chinaDateTime } from '@/lib/china-time';

/** What is still to come after the current status (自取 has no courier, so no 配送中). */
export function upcomingStatuses(status: DeliveryStatus, mode: string): DeliveryStatus[] {
  const path: DeliveryStatus[] = mode === '自取' ? ['submitted', 'accepted', 'delivered'] : ['submitted', 'accepted', 'dispatched', 'delivered'];
  const at = path.indexOf(status);
  return at < 0 ? [] : path.slice(at + 1);
}

/** The booking's history, oldest first, then the steps still ahead in grey (自取 ends with 已领取, not 已送达). */
export function Timeline({ delivery }: { delivery: Pick<Delivery, 'events' | 'status' | 'mode'> }) {
  const ahead = upcomingStatuses(delivery.status, delivery.mode);
  const last = delivery.events.length - 1;
  return (
    <View className="yst-timeline" ariaRole="list" ariaLabel="办理进度">
      {delivery.events.map((event, i) => (
        <View key={`${event.at}-${i}`} className={`yst-timeline__item${i === last ? ' yst-timeline__item--current' : ''}`} ariaRole="listitem" data-testid="timeline-event">
          <View className="yst-timeline__dot" />
          <View className="yst-timeline__body">
            <Text className="yst-timeline__label">{event.label}</Text>
            <Text className="yst-timeline__meta">
              {chinaDateTime(event.at)} · {event.by}
            </Text>
            {event.note ? <Text className="yst-timeline__note">{event.note}</Text> : null}
          </View>
        </View>
      ))}
      {ahead.map((status) => (
        <View key={status} className="yst-timeline__item yst-timeline__item--ahead" ariaRole="listitem" data-testid="timeline-ahead">
          <View className="yst-timeline__dot" />
          <View className="yst-timeline__body">
            <Text className="yst-timeline__label">{deliveryStatusLabel(status, delivery.mode)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
