import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Instant } from './common';

/**
 * 证照递送 (PRODUCT.md §2). Status machine:
 *   submitted → accepted → dispatched (trackingNo) → delivered (handover) | failed (reason)
 *   failed → submitted (the enterprise reschedules to a new slot)
 *   submitted | accepted → cancelled (the enterprise, with a reason)
 *   自取 has no courier: accepted → delivered directly (handed over at the hall).
 */

export * from './delivery-rules';
import {
  DELIVERY_EVENT_KINDS,
  DELIVERY_ITEM_KINDS,
  DELIVERY_MAX_QUANTITY,
  DELIVERY_MODES,
  DELIVERY_PERIODS,
  DELIVERY_STATUSES,
  type DeliveryItemKind,
  type DeliveryMode,
  type DeliveryPeriod,
} from './delivery-rules';

export const DeliveryStatus = Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)));
export type DeliveryStatus = Static<typeof DeliveryStatus>;
export const DeliveryEventKind = Type.Union(DELIVERY_EVENT_KINDS.map((s) => Type.Literal(s)));
export type DeliveryEventKind = Static<typeof DeliveryEventKind>;

export const DeliveryItem = Type.Object(
  {
    kind: Type.String({ maxLength: 20, description: `证照种类：${DELIVERY_ITEM_KINDS.join('、')}` }),
    quantity: Type.Integer({ description: `份数 1–${DELIVERY_MAX_QUANTITY}` }),
    description: Type.Optional(Type.String({ maxLength: 50, description: '种类为“其他”时必填' })),
  },
  { additionalProperties: false },
);
export type DeliveryItem = { kind: DeliveryItemKind; quantity: number; description?: string };

export const DeliveryAddress = Type.Object(
  {
    region: Type.Array(Type.String({ maxLength: 20 }), { description: '[省, 市, 区]', maxItems: 3 }),
    detail: Type.String({ maxLength: 100, description: '详细地址（街道门牌）' }),
  },
  { additionalProperties: false },
);
export type DeliveryAddress = Static<typeof DeliveryAddress>;

/**
 * Body of POST /api/v1/deliveries. The schema checks shapes only; the rules (allowed values, phone,
 * address for 送达/取送, dates) are checked by `checkNewDelivery` below and by the server's calendar,
 * so every 400 names its field in Chinese (`error.field` is the path, e.g. `items.0.kind`, `phone`).
 */
export const NewDelivery = Type.Object(
  {
    items: Type.Array(DeliveryItem, { maxItems: 10, description: '递送的证照，至少一项' }),
    mode: Type.String({ maxLength: 10, description: `方式：${DELIVERY_MODES.join(' / ')}` }),
    recipientName: Type.String({ maxLength: 30, description: '收件人姓名' }),
    phone: Type.String({ maxLength: 20, description: '中国大陆手机号，11位' }),
    address: Type.Optional(Type.Union([DeliveryAddress, Type.Null()], { description: '送达、取送必填；自取不填' })),
    date: Type.String({ maxLength: 10, description: 'YYYY-MM-DD，明天起14天内的工作日' }),
    period: Type.String({ maxLength: 10, description: '时段：上午 / 下午' }),
    remark: Type.Optional(Type.String({ maxLength: 200, description: '备注' })),
  },
  { additionalProperties: false },
);
export type NewDelivery = {
  items: DeliveryItem[];
  mode: DeliveryMode;
  recipientName: string;
  phone: string;
  address?: DeliveryAddress | null;
  date: string;
  period: DeliveryPeriod;
  remark?: string;
};

export const DeliveryEvent = Type.Object({
  kind: DeliveryEventKind,
  /** Status after the event. */
  status: DeliveryStatus,
  label: Type.String({ description: '如 已受理、配送中、已送达' }),
  at: Instant,
  by: Type.String({ description: '企业或部门名称，不含个人信息' }),
  note: Type.Union([Type.String(), Type.Null()], { description: '快递单号、失败原因、取消原因、新的预约时段等' }),
});
export type DeliveryEvent = Static<typeof DeliveryEvent>;

export const DeliveryHandover = Type.Object({
  receiverName: Type.String(),
  at: Instant,
  /** The signature drawn on screen or a photo, as a data URL (PNG/JPEG). */
  signature: Type.String(),
  by: Type.String({ description: '经办部门' }),
});
export type DeliveryHandover = Static<typeof DeliveryHandover>;

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** What a list shows: never the full phone number or address. */
export const DeliverySummary = Type.Object(
  {
    id: Id,
    status: DeliveryStatus,
    statusLabel: Type.String(),
    enterprise: Type.Object({ id: Id, name: Type.String() }),
    items: Type.Array(Type.Object({ kind: Type.String(), quantity: Type.Integer(), description: Type.Optional(Type.String()) })),
    mode: Type.String(),
    recipientName: Type.String(),
    phoneMasked: Type.String({ description: '如 138****1234' }),
    addressMasked: nullable(Type.String({ description: '省市区 + 打码的详细地址' })),
    date: DateOnly,
    period: Type.String(),
    trackingNo: nullable(Type.String()),
    createdAt: Instant,
    updatedAt: Instant,
    /** Delivered and not yet rated: the app offers 评价. */
    ratable: Type.Boolean(),
    /** When the enterprise rated this delivery; null until then (the app shows 已评价). */
    ratedAt: nullable(Instant),
  },
  { $id: 'DeliverySummary' },
);
export type DeliverySummary = Omit<Static<typeof DeliverySummary>, 'items'> & { items: DeliveryItem[] };

/**
 * One booking in full. `phone` and `address` are the full values for the enterprise's own booking and for
 * handling staff/admin (each staff full view is audited); lists carry only the masked copies.
 */
export const Delivery = Type.Object(
  {
    ...DeliverySummary.properties,
    phone: Type.String(),
    address: nullable(DeliveryAddress),
    remark: nullable(Type.String()),
    failureReason: nullable(Type.String()),
    cancelReason: nullable(Type.String()),
    handover: nullable(DeliveryHandover),
    /** 改约 is possible (status failed). */
    reschedulable: Type.Boolean(),
    /** 取消 is possible (status submitted or accepted). */
    cancellable: Type.Boolean(),
    events: Type.Array(DeliveryEvent, { description: '时间线，按时间先后' }),
  },
  { $id: 'Delivery' },
);
export type Delivery = Omit<Static<typeof Delivery>, 'items'> & { items: DeliveryItem[] };

export const DeliveryCreated = Type.Object({ id: Id, status: DeliveryStatus });
export type DeliveryCreated = Static<typeof DeliveryCreated>;

export const DeliveryList = Type.Object({
  items: Type.Array(DeliverySummary),
  total: Type.Integer({ minimum: 0 }),
  nextCursor: Type.Optional(Type.String({ description: '工作队列：下一页的游标（作为 after 传回）；没有更多时不返回' })),
});
export type DeliveryList = Omit<Static<typeof DeliveryList>, 'items'> & { items: DeliverySummary[] };

export const MyDeliveriesQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type MyDeliveriesQuery = Static<typeof MyDeliveriesQuery>;

export const DeliveryQueueQuery = Type.Object(
  {
    date: Type.Optional(DateOnly),
    period: Type.Optional(Type.Union(DELIVERY_PERIODS.map((p) => Type.Literal(p)))),
    status: Type.Optional(DeliveryStatus),
    after: Type.Optional(
      Type.String({
        maxLength: 40,
        pattern: '^\\d{4}-\\d{2}-\\d{2}\\|(上午|下午)\\|\\d{1,12}$',
        description: '游标：上一页返回的 nextCursor；给出时按游标接着读（忽略 page），翻到多深都一样快',
      }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type DeliveryQueueQuery = Static<typeof DeliveryQueueQuery>;

export const DeliveryCancel = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200, description: '取消原因' }) },
  { additionalProperties: false },
);
export type DeliveryCancel = Static<typeof DeliveryCancel>;

export const DeliveryReschedule = Type.Object(
  {
    date: Type.String({ maxLength: 10, description: 'YYYY-MM-DD，明天起14天内的工作日' }),
    period: Type.String({ maxLength: 10, description: '上午 / 下午' }),
  },
  { additionalProperties: false },
);
export type DeliveryReschedule = { date: string; period: DeliveryPeriod };

export const DeliveryDispatch = Type.Object(
  {
    trackingNo: Type.String({
      minLength: 1,
      maxLength: 60,
      description: '快递单号：字母、数字或短横线；空格会被去掉、字母转为大写（如“sf 1234 5678 901”存为 SF12345678901），去掉后不超过40位',
    }),
  },
  { additionalProperties: false },
);
export type DeliveryDispatch = Static<typeof DeliveryDispatch>;

export const DeliveryDeliver = Type.Object(
  {
    receiverName: Type.String({ minLength: 1, maxLength: 30, description: '签收人' }),
    signature: Type.String({ minLength: 1, maxLength: 500_000, description: '签名或照片，data:image/png;base64,… 或 data:image/jpeg;base64,…，不超过300KB' }),
  },
  { additionalProperties: false },
);
export type DeliveryDeliver = Static<typeof DeliveryDeliver>;

export const DeliveryFail = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200, description: '失败原因' }) },
  { additionalProperties: false },
);
export type DeliveryFail = Static<typeof DeliveryFail>;

export const DeliverySlotsQuery = Type.Object(
  { from: DateOnly, to: DateOnly },
  { additionalProperties: false },
);
export type DeliverySlotsQuery = Static<typeof DeliverySlotsQuery>;

export const DeliverySlot = Type.Object({
  date: DateOnly,
  period: Type.String({ description: '上午 / 下午' }),
  capacity: Type.Integer({ minimum: 0 }),
  remaining: Type.Integer({ minimum: 0 }),
});
export type DeliverySlot = Omit<Static<typeof DeliverySlot>, 'period'> & { period: DeliveryPeriod };
export const DeliverySlotList = Type.Array(DeliverySlot);

export const DeliverySlotParams = Type.Object({ date: DateOnly, period: Type.Union(DELIVERY_PERIODS.map((p) => Type.Literal(p))) });
export type DeliverySlotParams = Static<typeof DeliverySlotParams>;
export const DeliverySlotCapacity = Type.Object(
  { capacity: Type.Integer({ minimum: 0, maximum: 200, description: '该时段可预约数' }) },
  { additionalProperties: false },
);
export type DeliverySlotCapacity = Static<typeof DeliverySlotCapacity>;

export const DeliveryExportQuery = Type.Object(
  {
    from: DateOnly,
    to: DateOnly,
    format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }),
  },
  { additionalProperties: false },
);
export type DeliveryExportQuery = Static<typeof DeliveryExportQuery>;
