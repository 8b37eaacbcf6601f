import { DELIVERY_MAX_DAYS_AHEAD } from '@contract/delivery-rules';
import { addDays, chinaToday } from '@/lib/china-time';

/** Bookable range: tomorrow up to 14 days ahead (the server also skips non-working days). */
export function bookingWindow(now: Date = new Date()): { from: string; to: string } {
  const today = chinaToday(now);
  return { from: addDays(today, 1), to: addDays(today, DELIVERY_MAX_DAYS_AHEAD) };
}
