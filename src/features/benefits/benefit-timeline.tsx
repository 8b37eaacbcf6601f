import { Text, View } from '@tarojs/components';
import { BENEFIT_STATUS_LABELS } from '@contract/benefit-rules';
import type { Benefit } from '@contract/benefit';
import { chinaDateTime } from '@/lib/china-time';

/** Every step of the record, oldest first, as the enterprise and the department recorded it. */
export function BenefitTimeline({ history }: { history: Benefit['history'] }) {
  return (
    <View className="yst-benefit-timeline" ariaRole="list" ariaLabel="办理经过">
      {history.map((event, i) => (
        <View key={i} className="yst-benefit-timeline__item" ariaRole="listitem">
          <Text className="yst-benefit-timeline__title">{BENEFIT_STATUS_LABELS[event.status]}</Text>
          <Text className="yst-benefit-timeline__meta">
            {chinaDateTime(event.at)} · {event.by}
          </Text>
          {event.note ? <Text className="yst-benefit-timeline__meta">{event.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
