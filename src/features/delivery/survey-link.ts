import { chinaDate } from '@/lib/china-time';
import type { Delivery } from './api';
import { SURVEY_PAGE } from './routes';

/**
 * What the survey header names: the booking as the enterprise knows it (its day and what was delivered),
 * never the internal id, which reads like a courier's tracking number.
 */
export function deliverySurveyTitle(delivery: Pick<Delivery, 'date' | 'items'>, now: Date = new Date()): string {
  const items = delivery.items.map((i) => (i.kind === '其他' && i.description ? i.description : i.kind)).join('、');
  return `证照递送服务 · ${chinaDate(delivery.date, now)} ${items}`.trim();
}

export function deliverySurveyUrl(delivery: Pick<Delivery, 'id' | 'date' | 'items'>, now: Date = new Date()): string {
  return `${SURVEY_PAGE}?deliveryId=${delivery.id}&title=${encodeURIComponent(deliverySurveyTitle(delivery, now))}`;
}
