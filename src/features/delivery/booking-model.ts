import {
  ACCOUNT_PHONE,
  DELIVERY_ITEM_KINDS,
  MODES_NEEDING_ADDRESS,
  checkNewDelivery,
  type DeliveryItemKind,
  type DeliveryMode,
  type DeliveryPeriod,
} from '@contract/delivery-rules';
import type { NewDelivery } from '@contract/delivery';

export type PhoneInput = { source: 'typed'; value: string } | { source: 'account'; masked: string };

export interface BookingDraft {
  /** Chosen kinds with their number of copies. */
  quantities: Partial<Record<DeliveryItemKind, number>>;
  otherDescription: string;
  mode: DeliveryMode | null;
  recipientName: string;
  phone: PhoneInput;
  /** [省, 市, 区] or empty. */
  region: string[];
  detail: string;
  date: string | null;
  period: DeliveryPeriod | null;
  remark: string;
}

/** Where an error is shown: one place per input group on the form. */
export type FormField = 'items' | 'mode' | 'recipientName' | 'phone' | 'region' | 'detail' | 'slot' | 'remark';
export type FieldErrors = Partial<Record<FormField, string>>;

export function emptyDraft(): BookingDraft {
  return {
    quantities: {},
    otherDescription: '',
    mode: null,
    recipientName: '',
    phone: { source: 'typed', value: '' },
    region: [],
    detail: '',
    date: null,
    period: null,
    remark: '',
  };
}

export const needsAddress = (mode: DeliveryMode | null): boolean => mode !== null && MODES_NEEDING_ADDRESS.includes(mode);

/** People type 138 1234 5678, 138-1234-5678 or +86 13812345678. */
export function normalisePhone(value: string): string {
  return value.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

/** The API body; the address is left out for 自取 even if one was typed before switching mode. */
export function toRequest(draft: BookingDraft): NewDelivery {
  const items = DELIVERY_ITEM_KINDS.filter((kind) => draft.quantities[kind] !== undefined).map((kind) =>
    kind === '其他'
      ? { kind, quantity: draft.quantities[kind] ?? 1, description: draft.otherDescription.trim() }
      : { kind, quantity: draft.quantities[kind] ?? 1 },
  );
  const body: NewDelivery = {
    items,
    mode: draft.mode as DeliveryMode,
    recipientName: draft.recipientName.trim(),
    phone: draft.phone.source === 'account' ? ACCOUNT_PHONE : normalisePhone(draft.phone.value),
    address: needsAddress(draft.mode) ? { region: draft.region, detail: draft.detail.trim() } : null,
    date: draft.date ?? '',
    period: draft.period as DeliveryPeriod,
  };
  const remark = draft.remark.trim();
  if (remark) body.remark = remark;
  return body;
}

/** Server and contract paths (items.0.kind, address.detail, period…) to the input that fixes them. */
export function fieldOfPath(path: string | undefined): FormField | null {
  if (!path) return null;
  if (path.startsWith('items')) return 'items';
  if (path === 'address' || path === 'address.region') return 'region';
  if (path === 'address.detail') return 'detail';
  if (path === 'date' || path === 'period') return 'slot';
  if (path === 'mode' || path === 'recipientName' || path === 'phone' || path === 'remark') return path;
  return null;
}

// The WeChat-authorised number is validated by the server; here it only has to be present.
const STAND_IN_PHONE = '13800000000';

/** The same rules the server runs (types/delivery-rules.ts), mapped onto the form. */
export function checkDraft(draft: BookingDraft): { field: FormField; message: string } | null {
  const body = toRequest(draft);
  const problem = checkNewDelivery({ ...body, phone: draft.phone.source === 'account' ? STAND_IN_PHONE : body.phone });
  if (!problem) return null;
  return { field: fieldOfPath(problem.field) ?? 'items', message: problem.message };
}
