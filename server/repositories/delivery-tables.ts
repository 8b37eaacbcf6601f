import type { Generated, Selectable } from 'kysely';

/**
 * Tables of migration 0004 (证照递送), merged into the Database interface here so the shared
 * schema file needs no edit per feature.
 */
declare module '../db/schema' {
  interface Database {
    deliveries: DeliveriesTable;
    delivery_events: DeliveryEventsTable;
    delivery_handovers: DeliveryHandoversTable;
    delivery_slot_usage: DeliverySlotUsageTable;
  }
}

export interface DeliveriesTable {
  id: Generated<number>;
  enterprise_id: number;
  created_by: number;
  status: string;
  /** JSON array of DeliveryItem. */
  items: string;
  mode: string;
  recipient_name: string;
  /** AES-GCM (server/lib/secrets.ts); the masked copy is what lists and exports show. */
  phone_enc: string;
  phone_masked: string;
  /** AES-GCM of the JSON address; null for 自取. */
  address_enc: string | null;
  address_masked: string | null;
  date: string;
  period: string;
  remark: string | null;
  tracking_no: string | null;
  failure_reason: string | null;
  cancel_reason: string | null;
  /** Set by the satisfaction feature once the enterprise rated the delivery. */
  rated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryEventsTable {
  id: Generated<number>;
  delivery_id: number;
  kind: string;
  status: string;
  at: string;
  /** Enterprise or department name: the timeline shows no person. */
  by_name: string;
  actor_user_id: number | null;
  note: string | null;
}

export interface DeliveryHandoversTable {
  delivery_id: number;
  receiver_name: string;
  at: string;
  by_name: string;
  actor_user_id: number | null;
  /** data:image/png|jpeg;base64,… */
  signature: string;
}

export interface DeliverySlotUsageTable {
  date: string;
  period: string;
  booked: number;
  capacity: number;
  updated_at: string;
}

export type DeliveryRow = Selectable<DeliveriesTable> & { enterprise_name: string };
export type DeliveryEventRow = Selectable<DeliveryEventsTable>;
export type DeliveryHandoverRow = Selectable<DeliveryHandoversTable>;
