import type {
  Delivery,
  DeliveryCreated,
  DeliveryDeliver,
  DeliveryList,
  DeliveryPeriod,
  DeliveryQueueQuery,
  DeliverySlot,
  DeliveryStatus,
  NewDelivery,
} from '@contract/delivery';
import type { SubscriptionState } from '@contract/subscription';
import type { User } from '@contract/auth';
import { request } from '@/lib/api/client';
import type { DownloadFormat, DownloadRequest } from '@/lib/wx/file';

export function fetchSlots(from: string, to: string): Promise<DeliverySlot[]> {
  return request<DeliverySlot[]>('/api/v1/delivery/slots', { query: { from, to }, quiet: true });
}

/** The form shows field errors itself, so the call is quiet; the key comes from createSubmission. */
export function createDelivery(body: NewDelivery, idempotencyKey: string): Promise<DeliveryCreated> {
  return request<DeliveryCreated>('/api/v1/deliveries', { method: 'POST', body, idempotencyKey, quiet: true });
}

export function fetchMyDeliveries(page = 1, pageSize = 20): Promise<DeliveryList> {
  return request<DeliveryList>('/api/v1/me/deliveries', { query: { page, pageSize } });
}

export function fetchDelivery(id: number): Promise<Delivery> {
  return request<Delivery>(`/api/v1/deliveries/${id}`);
}

export function cancelDelivery(id: number, reason: string): Promise<Delivery> {
  return request<Delivery>(`/api/v1/deliveries/${id}/cancel`, { method: 'POST', body: { reason }, quiet: true });
}

export function rescheduleDelivery(id: number, date: string, period: DeliveryPeriod): Promise<Delivery> {
  return request<Delivery>(`/api/v1/deliveries/${id}/reschedule`, { method: 'POST', body: { date, period }, quiet: true });
}

/** getPhoneNumber's code; the server keeps the number and answers with the masked copy only. */
export function bindPhone(code: string): Promise<{ user: User }> {
  return request<{ user: User }>('/api/v1/me/phone', { method: 'POST', body: { code } });
}

export function fetchSubscriptions(): Promise<SubscriptionState> {
  return request<SubscriptionState>('/api/v1/me/subscriptions', { quiet: true });
}

export function reportSubscription(templateId: string, accepted: boolean): Promise<SubscriptionState> {
  return request<SubscriptionState>('/api/v1/me/subscriptions', { method: 'POST', body: { templateId, accepted }, idempotent: true, quiet: true });
}

// Staff (handling department and admin).

export type QueueFilter = Pick<DeliveryQueueQuery, 'date' | 'period' | 'status'> & { page?: number };

export function fetchQueue(filter: QueueFilter): Promise<DeliveryList> {
  return request<DeliveryList>('/api/v1/admin/deliveries', { query: { ...filter, pageSize: 20 } });
}

export function fetchStaffDelivery(id: number): Promise<Delivery> {
  return request<Delivery>(`/api/v1/admin/deliveries/${id}`);
}

export type StaffAction =
  | { action: 'accept' }
  | { action: 'dispatch'; trackingNo: string }
  | ({ action: 'deliver' } & DeliveryDeliver)
  | { action: 'fail'; reason: string };

export function act(id: number, step: StaffAction): Promise<Delivery> {
  const { action, ...body } = step;
  return request<Delivery>(`/api/v1/admin/deliveries/${id}/${action}`, { method: 'POST', body, quiet: true });
}

/** Records booked for dates from..to; phone and address masked unless the server says the role may see them. */
export function exportRequest(from: string, to: string, format: DownloadFormat): DownloadRequest {
  return { path: '/api/v1/admin/deliveries/export', query: { from, to, format }, fileName: `证照递送记录_${from}_${to}.${format}`, format };
}

export type { Delivery, DeliverySlot, DeliveryStatus };
