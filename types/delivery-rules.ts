/**
 * 证照递送 rules shared by the app and the server, free of TypeBox so the mini-program can import
 * them at runtime (the schemas in ./delivery stay server-side; the app imports those as types only).
 */

export const DELIVERY_ITEM_KINDS = ['营业执照正本', '营业执照副本', '印章', '许可证', '其他'] as const;
export type DeliveryItemKind = (typeof DELIVERY_ITEM_KINDS)[number];

export const DELIVERY_MODES = ['送达', '取送', '自取'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
/** Modes for which a recipient address is required. */
export const MODES_NEEDING_ADDRESS: readonly DeliveryMode[] = ['送达', '取送'];

export const DELIVERY_PERIODS = ['上午', '下午'] as const;
export type DeliveryPeriod = (typeof DELIVERY_PERIODS)[number];

export const DELIVERY_STATUSES = ['submitted', 'accepted', 'dispatched', 'delivered', 'failed', 'cancelled'] as const;
type StatusName = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_STATUS_LABELS: Record<StatusName, string> = {
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '配送中',
  delivered: '已送达',
  failed: '递送失败',
  cancelled: '已取消',
};

/** What happened at a timeline entry; `rescheduled` puts the booking back to `submitted` with a new slot. */
export const DELIVERY_EVENT_KINDS = [...DELIVERY_STATUSES, 'rescheduled'] as const;
type EventKindName = (typeof DELIVERY_EVENT_KINDS)[number];
export const DELIVERY_EVENT_LABELS: Record<EventKindName, string> = { ...DELIVERY_STATUS_LABELS, submitted: '已提交预约', rescheduled: '已改约' };

/** 自取 is collected at the window: nothing is 送达, the enterprise 领取s it. */
const PICKUP_LABELS: Partial<Record<EventKindName, string>> = { delivered: '已领取' };

/** A status as this booking's owner reads it; the status value itself is the same for every mode. */
export function deliveryStatusLabel(status: StatusName, mode: string): string {
  return (mode === '自取' && PICKUP_LABELS[status]) || DELIVERY_STATUS_LABELS[status];
}

/** A timeline entry's title for this booking's mode. */
export function deliveryEventLabel(kind: EventKindName, mode: string): string {
  return (mode === '自取' && PICKUP_LABELS[kind]) || DELIVERY_EVENT_LABELS[kind];
}

/** Handed over or cancelled: nothing is left to do, so lists put these after the bookings still open. */
export const DELIVERY_FINISHED_STATUSES = ['delivered', 'cancelled'] as const;

/** A courier tracking number once normalised: what {@link normaliseTrackingNo} gives must match this. */
export const TRACKING_NO_PATTERN = '^[A-Z0-9-]{1,40}$';

/**
 * Tracking numbers are read off a waybill and typed as grouped (“sf 1234 5678 901”); couriers print
 * and look them up without spaces and in capitals, so both the app and the server store that form.
 */
export function normaliseTrackingNo(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Booking window: from tomorrow up to this many days ahead (China dates), working days only. */
export const DELIVERY_MAX_DAYS_AHEAD = 14;
export const DELIVERY_MAX_QUANTITY = 10;
/** Mainland mobile numbers. */
export const MOBILE_PATTERN = '^1[3-9]\\d{9}$';
/** Handover signature/photo: a PNG or JPEG data URL of at most this many bytes (decoded). */
export const SIGNATURE_MAX_BYTES = 300 * 1024;
export const SIGNATURE_PATTERN = '^data:image/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$';

export interface DeliveryFieldProblem {
  /** Path of the field, e.g. `phone`, `address.detail`, `items.0.quantity`. */
  field: string;
  /** 中文, naming the field, e.g. “联系电话：请填写11位中国大陆手机号”. */
  message: string;
}

function problem(field: string, label: string, text: string): DeliveryFieldProblem {
  return { field, message: `${label}：${text}` };
}

/**
 * Shared rules for a booking form (app and server run the same code). Dates are checked only for
 * shape here; whether a day is bookable depends on the server's working-day calendar and clock.
 * Returns the first problem, in form order, or null.
 */
export function checkNewDelivery(input: {
  items?: { kind?: string; quantity?: number; description?: string }[];
  mode?: string;
  recipientName?: string;
  phone?: string;
  address?: { region?: string[]; detail?: string } | null;
  date?: string;
  period?: string;
}): DeliveryFieldProblem | null {
  const items = input.items ?? [];
  if (items.length === 0) return problem('items', '递送证照', '请至少选择一项');
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    const kind = item.kind ?? '';
    if (!(DELIVERY_ITEM_KINDS as readonly string[]).includes(kind)) {
      return problem(`items.${i}.kind`, '证照种类', `“${kind}”不在可递送范围内，可选：${DELIVERY_ITEM_KINDS.join('、')}`);
    }
    if (kind !== '其他' && seen.has(kind)) return problem(`items.${i}.kind`, '证照种类', `“${kind}”重复，请合并为一项并填写份数`);
    seen.add(kind);
    const q = item.quantity;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > DELIVERY_MAX_QUANTITY) {
      return problem(`items.${i}.quantity`, '份数', `应为1到${DELIVERY_MAX_QUANTITY}之间的整数`);
    }
    if (kind === '其他' && !item.description?.trim()) return problem(`items.${i}.description`, '证照说明', '选择“其他”时请写明是什么证照');
  }
  if (!(DELIVERY_MODES as readonly string[]).includes(input.mode ?? '')) {
    return problem('mode', '递送方式', `请选择${DELIVERY_MODES.join('、')}之一`);
  }
  if (!input.recipientName?.trim()) return problem('recipientName', '收件人', '请填写收件人姓名');
  if (!new RegExp(MOBILE_PATTERN).test(input.phone ?? '')) return problem('phone', '联系电话', '请填写11位中国大陆手机号');
  if ((MODES_NEEDING_ADDRESS as readonly string[]).includes(input.mode ?? '')) {
    const region = input.address?.region ?? [];
    if (!input.address) return problem('address', '收件地址', `${input.mode}需要填写收件地址`);
    if (region.length !== 3 || region.some((r) => !r.trim())) return problem('address.region', '所在地区', '请选择省、市、区');
    if (!input.address.detail?.trim()) return problem('address.detail', '详细地址', '请填写街道、门牌号');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date ?? '')) return problem('date', '预约日期', '请选择日期');
  if (!(DELIVERY_PERIODS as readonly string[]).includes(input.period ?? '')) return problem('period', '预约时段', '请选择上午或下午');
  return null;
}

/**
 * `phone` value in a booking meaning “the number this user authorised with WeChat's getPhoneNumber
 * button” (POST /api/v1/me/phone). The app only ever sees that number masked, so it cannot send it;
 * the server substitutes the stored number before validating (400 `phone` if none is stored).
 */
export const ACCOUNT_PHONE = 'account';
