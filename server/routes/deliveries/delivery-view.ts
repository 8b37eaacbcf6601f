import {
  deliveryEventLabel,
  deliveryStatusLabel,
  type Delivery,
  type DeliveryAddress,
  type DeliveryEventKind,
  type DeliveryItem,
  type DeliveryStatus,
  type DeliverySummary,
} from '../../../types/delivery';
import { decrypt } from '../../lib/secrets';
import type { DeliveryEventRow, DeliveryHandoverRow, DeliveryRow } from '../../repositories/delivery-tables';

/** 浙江省杭州市西湖区 文三****: enough for staff to plan a route, not enough to find the door. */
export function maskAddress(address: DeliveryAddress): string {
  const detail = Array.from(address.detail.trim());
  return `${address.region.join('')} ${detail.slice(0, 2).join('')}****`;
}

export function toSummary(row: DeliveryRow): DeliverySummary {
  const status = row.status as DeliveryStatus;
  return {
    id: row.id,
    status,
    statusLabel: deliveryStatusLabel(status, row.mode),
    enterprise: { id: row.enterprise_id, name: row.enterprise_name },
    items: JSON.parse(row.items) as DeliveryItem[],
    mode: row.mode,
    recipientName: row.recipient_name,
    phoneMasked: row.phone_masked,
    addressMasked: row.address_masked,
    date: row.date,
    period: row.period,
    trackingNo: row.tracking_no,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ratable: status === 'delivered' && row.rated_at === null,
    ratedAt: row.rated_at,
  };
}

export function fullPhone(row: DeliveryRow, key: Buffer): string {
  return decrypt(row.phone_enc, key);
}

export function fullAddress(row: DeliveryRow, key: Buffer): DeliveryAddress | null {
  return row.address_enc === null ? null : (JSON.parse(decrypt(row.address_enc, key)) as DeliveryAddress);
}

/** The whole booking with full contact data: only for the owning enterprise and handling staff/admin. */
export function toDelivery(row: DeliveryRow, events: DeliveryEventRow[], handover: DeliveryHandoverRow | undefined, key: Buffer): Delivery {
  const summary = toSummary(row);
  return {
    ...summary,
    phone: fullPhone(row, key),
    address: fullAddress(row, key),
    remark: row.remark,
    failureReason: row.failure_reason,
    cancelReason: row.cancel_reason,
    handover: handover ? { receiverName: handover.receiver_name, at: handover.at, signature: handover.signature, by: handover.by_name } : null,
    reschedulable: summary.status === 'failed',
    cancellable: summary.status === 'submitted' || summary.status === 'accepted',
    events: events.map((e) => ({
      kind: e.kind as DeliveryEventKind,
      status: e.status as DeliveryStatus,
      label: deliveryEventLabel(e.kind as DeliveryEventKind, row.mode),
      at: e.at,
      by: e.by_name,
      note: e.note,
    })),
  };
}
