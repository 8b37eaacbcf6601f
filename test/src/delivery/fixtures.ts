import type { Delivery, DeliveryEvent, DeliverySlot } from '@contract/delivery';

export const DAY_1 = '2026-09-28';
export const DAY_2 = '2026-09-29';

export const SLOTS: DeliverySlot[] = [
  { date: DAY_1, period: '上午', capacity: 5, remaining: 0 },
  { date: DAY_1, period: '下午', capacity: 5, remaining: 2 },
  { date: DAY_2, period: '上午', capacity: 5, remaining: 5 },
  { date: DAY_2, period: '下午', capacity: 5, remaining: 5 },
];

const event = (kind: DeliveryEvent['kind'], status: DeliveryEvent['status'], label: string, at: string, by: string, note: string | null = null): DeliveryEvent => ({
  kind,
  status,
  label,
  at,
  by,
  note,
});

export const EVENTS = {
  submitted: event('submitted', 'submitted', '已提交预约', '2026-09-25T02:00:00.000Z', '茗溪茶业有限公司', '2026年9月28日 下午'),
  accepted: event('accepted', 'accepted', '已受理', '2026-09-25T03:00:00.000Z', '区政务服务中心'),
  dispatched: event('dispatched', 'dispatched', '配送中', '2026-09-28T06:00:00.000Z', '区政务服务中心', '快递单号 SF1234567890'),
  delivered: event('delivered', 'delivered', '已送达', '2026-09-28T08:30:00.000Z', '区政务服务中心', '签收人 张三'),
};

export function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 42,
    status: 'submitted',
    statusLabel: '已提交',
    enterprise: { id: 3, name: '茗溪茶业有限公司' },
    items: [{ kind: '营业执照正本', quantity: 1 }],
    mode: '送达',
    recipientName: '张三',
    phoneMasked: '138****5678',
    addressMasked: '福建省福州市茗溪区 茗溪****',
    date: DAY_1,
    period: '下午',
    trackingNo: null,
    createdAt: '2026-09-25T02:00:00.000Z',
    updatedAt: '2026-09-25T02:00:00.000Z',
    ratable: false,
    ratedAt: null,
    phone: '13812345678',
    address: { region: ['福建省', '福州市', '茗溪区'], detail: '茗溪路88号' },
    remark: null,
    failureReason: null,
    cancelReason: null,
    handover: null,
    reschedulable: false,
    cancellable: true,
    events: [EVENTS.submitted],
    ...overrides,
  };
}
