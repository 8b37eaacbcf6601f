import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '@/lib/api/api-error';
import { fetchSlots, type DeliverySlot } from './api';
import { bookingWindow } from './dates';

/** Slots of the next 14 days with what is left; `reload` after a SLOT_FULL shows the new numbers. */
export function useSlots() {
  const [slots, setSlots] = useState<DeliverySlot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const { from, to } = bookingWindow();
    setError(null);
    try {
      setSlots(await fetchSlots(from, to));
    } catch (e) {
      setError(`${errorMessage(e)}（可预约时段加载失败）`);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { slots, error, reload };
}
