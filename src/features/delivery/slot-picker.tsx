import { Text, View } from '@tarojs/components';
import { DELIVERY_PERIODS, type DeliveryPeriod } from '@contract/delivery-rules';
import type { DeliverySlot } from './api';
import { Choice } from './choice';
import { dayLabel } from '@/lib/china-time';

interface SlotPickerProps {
  /** null while loading. */
  slots: DeliverySlot[] | null;
  loadError?: string | null;
  date: string | null;
  period: DeliveryPeriod | null;
  onPick: (date: string, period: DeliveryPeriod | null) => void;
}

function remainingText(slot: DeliverySlot | undefined): string {
  if (!slot || slot.remaining <= 0) return '已约满';
  return `余${slot.remaining}`;
}

/** Working days only (the server leaves out holidays and weekends, keeps 调休 Saturdays); full slots cannot be picked. */
export function SlotPicker({ slots, loadError, date, period, onPick }: SlotPickerProps) {
  if (loadError) return <Text className="yst-field__error">{loadError}</Text>;
  if (!slots) return <Text className="yst-field__hint">正在查询可预约时段…</Text>;
  if (slots.length === 0) return <Text className="yst-field__hint">近14天没有可预约的工作日</Text>;

  const dates = [...new Set(slots.map((s) => s.date))];
  const slotOf = (d: string, p: DeliveryPeriod) => slots.find((s) => s.date === d && s.period === p);
  const full = (d: string) => DELIVERY_PERIODS.every((p) => (slotOf(d, p)?.remaining ?? 0) <= 0);

  return (
    <View>
      <View className="yst-choices yst-choices--scroll" ariaLabel="预约日期">
        {dates.map((d) => (
          <Choice key={d} label={dayLabel(d)} sub={full(d) ? '已约满' : undefined} checked={d === date} disabled={full(d)} onPick={() => onPick(d, null)} />
        ))}
      </View>
      {date ? (
        <View className="yst-choices" ariaLabel="预约时段">
          {DELIVERY_PERIODS.map((p) => {
            const slot = slotOf(date, p);
            return (
              <Choice
                key={p}
                label={p}
                sub={remainingText(slot)}
                checked={p === period}
                disabled={!slot || slot.remaining <= 0}
                onPick={() => onPick(date, p)}
              />
            );
          })}
        </View>
      ) : (
        <Text className="yst-field__hint">先选日期，再选上午或下午</Text>
      )}
    </View>
  );
}
