import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { DeliveryPeriod } from '@contract/delivery-rules';
import { ApiError, errorMessage } from '@/lib/api/api-error';
import { showSuccessToast } from '@/lib/wx/ui';
import { rescheduleDelivery, type Delivery } from './api';
import { FieldError } from './choice';
import { SlotPicker } from './slot-picker';
import { useSlots } from './use-slots';

/** After a failed attempt the enterprise picks a new slot; the booking goes back to 已提交. */
export function ReschedulePanel({ id, onRescheduled }: { id: number; onRescheduled: (d: Delivery) => void }) {
  const { slots, error: loadError, reload } = useSlots();
  const [date, setDate] = useState<string | null>(null);
  const [period, setPeriod] = useState<DeliveryPeriod | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!date || !period) {
      setError('预约时段：请选择新的日期和时段');
      return;
    }
    setBusy(true);
    try {
      const updated = await rescheduleDelivery(id, date, period);
      showSuccessToast('已改约');
      onRescheduled(updated);
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.code === 'SLOT_FULL') {
        setPeriod(null);
        await reload();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="yst-field yst-panel">
      <Text className="yst-field__label">改约新的时间</Text>
      <SlotPicker
        slots={slots}
        loadError={loadError}
        date={date}
        period={period}
        onPick={(d, p) => {
          setDate(d);
          setPeriod(p);
          setError(undefined);
        }}
      />
      <FieldError message={error} testId="reschedule-error" />
      <View className="yst-actions">
        <Button block type="primary" loading={busy} onClick={() => void submit()}>
          确认改约
        </Button>
      </View>
    </View>
  );
}
