import type { DeliveryItem, DeliveryMode, DeliveryPeriod, DeliveryStatus } from '../../types/delivery';
import { MODES_NEEDING_ADDRESS } from '../../types/delivery';
import { encrypt, maskPhone } from '../lib/secrets';
import { maskAddress } from '../routes/deliveries/delivery-view';
import { slotText } from '../routes/deliveries/texts';
import { cancelReasons, DEMO_REGION, dispatchRemarks, failureReasons, fakeAddress, fakePhone, keptClearOf, recipients } from './data/activity';
import { ownerOf } from './demo-accounts';
import { chinaInstant, settle, workingDay, type DemoContext } from './demo-context';
import { demoSignature } from './signature-image';

/** Where a demo booking ends up; `handoverAt` is the China time of the handover, for the delivered. */
type Outcome = 'submitted' | 'accepted' | 'dispatched' | 'delivered' | 'failed' | 'cancelled';

interface Booking {
  enterprise: number;
  mode: DeliveryMode;
  items: DeliveryItem[];
  /** Working days from today (see workingDay): negative in the past. */
  day: number;
  period: DeliveryPeriod;
  outcome: Outcome;
  handoverAt?: string;
}

const LICENCE: DeliveryItem[] = [
  { kind: '营业执照正本', quantity: 1 },
  { kind: '营业执照副本', quantity: 1 },
];

/**
 * The delivery desk's fortnight: done in the past days, in hand today, booked for the next ones.
 * Future slots get at most two bookings each, so a tester (or a browser test) still finds room.
 */
const BOOKINGS: Booking[] = [
  { enterprise: 0, mode: '送达', items: LICENCE, day: -3, period: '上午', outcome: 'delivered', handoverAt: '10:40' },
  { enterprise: 0, mode: '取送', items: [{ kind: '许可证', quantity: 2 }], day: 0, period: '下午', outcome: 'dispatched' },
  { enterprise: 0, mode: '自取', items: [{ kind: '印章', quantity: 3 }], day: 2, period: '上午', outcome: 'submitted' },
  { enterprise: 0, mode: '送达', items: [{ kind: '营业执照副本', quantity: 2 }], day: 3, period: '下午', outcome: 'cancelled' },
  { enterprise: 9, mode: '送达', items: LICENCE, day: -1, period: '下午', outcome: 'failed' },
  { enterprise: 13, mode: '送达', items: LICENCE, day: 1, period: '上午', outcome: 'submitted' },
  { enterprise: 16, mode: '取送', items: [{ kind: '其他', quantity: 1, description: '道路运输经营许可证' }], day: 1, period: '下午', outcome: 'accepted' },
  { enterprise: 20, mode: '自取', items: LICENCE, day: 0, period: '上午', outcome: 'accepted' },
  { enterprise: 24, mode: '送达', items: [...LICENCE, { kind: '印章', quantity: 4 }], day: 0, period: '上午', outcome: 'dispatched' },
  { enterprise: 28, mode: '送达', items: LICENCE, day: -1, period: '上午', outcome: 'delivered', handoverAt: '16:05' },
  { enterprise: 30, mode: '送达', items: [{ kind: '许可证', quantity: 1 }], day: -2, period: '下午', outcome: 'delivered', handoverAt: '15:20' },
  { enterprise: 33, mode: '自取', items: LICENCE, day: -4, period: '上午', outcome: 'delivered', handoverAt: '11:15' },
  { enterprise: 36, mode: '送达', items: [{ kind: '印章', quantity: 2 }], day: -2, period: '上午', outcome: 'cancelled' },
  { enterprise: 38, mode: '送达', items: LICENCE, day: 2, period: '下午', outcome: 'submitted' },
  { enterprise: 43, mode: '取送', items: [{ kind: '营业执照副本', quantity: 1 }], day: -5, period: '下午', outcome: 'delivered', handoverAt: '14:50' },
];

const PATHS: Record<Outcome, DeliveryStatus[]> = {
  submitted: [],
  accepted: ['accepted'],
  dispatched: ['accepted', 'dispatched'],
  delivered: ['accepted', 'dispatched', 'delivered'],
  failed: ['accepted', 'dispatched', 'failed'],
  cancelled: ['cancelled'],
};

/** Delivered demo bookings by enterprise index, for the delivery ratings. */
export type DeliveredBookings = Map<number, { id: number; at: string }[]>;

/**
 * Bookings across every status, written the way the booking and staff routes write them: a slot
 * place taken (never past capacity; a full slot skips the booking), the contact sealed with
 * DATA_KEY and masked, one timeline event per step, a handover record for the delivered.
 */
export async function seedDeliveries(ctx: DemoContext): Promise<DeliveredBookings> {
  const { repos, config } = ctx;
  const desk = config.deliveryDepartment;
  const deskStaff = ctx.staff.get('zwfw') ?? null;
  const delivered: DeliveredBookings = new Map();
  for (const [n, b] of BOOKINGS.entries()) {
    if (keptClearOf.has(b.enterprise)) throw new Error(`演示递送不应使用浏览器测试所用的企业 #${b.enterprise}`);
    const enterprise = ctx.enterprises[b.enterprise];
    const userId = await ownerOf(ctx, b.enterprise);
    const date = workingDay(ctx, b.day);
    const pickup = b.mode === '自取';
    const path = PATHS[b.outcome].filter((s) => !(pickup && s === 'dispatched'));

    // Booked two working days ahead of the slot; handled on the day itself.
    const bookedOn = workingDay(ctx, Math.min(b.day, 0) - 2);
    const planned = [chinaInstant(bookedOn, '09:25'), ...path.map((s, i) => stepTime(date, bookedOn, s, i, b))];
    const times = settle(ctx.now, planned);
    const createdAt = times[0];

    await repos.deliveries.ensureSlot(date, b.period, config.deliverySlotCapacity, createdAt);
    if (!(await repos.deliveries.takeSlot(date, b.period, createdAt))) continue;
    const phone = fakePhone(200 + n);
    const recipient = recipients[n % recipients.length];
    const address = MODES_NEEDING_ADDRESS.includes(b.mode) ? { region: DEMO_REGION, detail: fakeAddress(enterprise.district, 10 + n * 7) } : null;
    const id = await repos.deliveries.insert({
      enterprise_id: enterprise.id,
      created_by: userId,
      items: JSON.stringify(b.items),
      mode: b.mode,
      recipient_name: recipient,
      phone_enc: encrypt(phone, config.dataKey),
      phone_masked: maskPhone(phone),
      address_enc: address ? encrypt(JSON.stringify(address), config.dataKey) : null,
      address_masked: address ? maskAddress(address) : null,
      date,
      period: b.period,
      remark: n % 4 === 1 ? dispatchRemarks[n % dispatchRemarks.length] : null,
      created_at: createdAt,
      updated_at: createdAt,
    });
    await repos.deliveries.addEvent({ delivery_id: id, kind: 'submitted', status: 'submitted', at: createdAt, by_name: enterprise.name, actor_user_id: userId, note: slotText(date, b.period) });

    let from: DeliveryStatus = 'submitted';
    for (const [i, to] of path.entries()) {
      const at = times[i + 1];
      const byEnterprise = to === 'cancelled';
      const reason = to === 'failed' ? failureReasons[0] : to === 'cancelled' ? cancelReasons[n % cancelReasons.length] : null;
      // The timeline notes the staff routes write: tracking number, receiver, reason.
      const note = to === 'dispatched' ? `快递单号 ${trackingNo(n)}` : to === 'delivered' ? `签收人 ${recipient}` : reason;
      const patch = to === 'dispatched' ? { tracking_no: trackingNo(n) } : to === 'failed' ? { failure_reason: reason } : to === 'cancelled' ? { cancel_reason: reason } : {};
      if (to === 'cancelled') await repos.deliveries.releaseSlot(date, b.period, at);
      if (!(await repos.deliveries.transition(id, [from], to, patch, at))) throw new Error(`演示递送 #${n} 无法从 ${from} 变为 ${to}`);
      await repos.deliveries.addEvent({
        delivery_id: id,
        kind: to,
        status: to,
        at,
        by_name: byEnterprise ? enterprise.name : desk,
        actor_user_id: byEnterprise ? userId : deskStaff,
        note,
      });
      if (to === 'delivered') {
        await repos.deliveries.saveHandover({ delivery_id: id, receiver_name: recipient, at, by_name: desk, actor_user_id: deskStaff, signature: demoSignature(n) });
        delivered.set(b.enterprise, [...(delivered.get(b.enterprise) ?? []), { id, at }]);
      }
      from = to;
    }
  }
  return delivered;
}

/** A made-up courier number of the usual shape (SF + 12 digits). */
function trackingNo(n: number): string {
  return `SF${String(7_310_000_000_00 + n * 7919).padStart(12, '0')}`;
}

/** When a step happened: accepted the afternoon it was booked, dispatched and closed on the day. */
function stepTime(date: string, bookedOn: string, status: DeliveryStatus, index: number, b: Booking): string {
  const morning = b.period === '上午';
  switch (status) {
    case 'accepted':
      return chinaInstant(bookedOn, '14:30');
    case 'dispatched':
      return chinaInstant(date, morning ? '08:40' : '13:30');
    case 'delivered':
      return chinaInstant(date, b.handoverAt ?? (morning ? '10:30' : '15:30'));
    case 'failed':
      return chinaInstant(date, morning ? '11:40' : '16:40');
    case 'cancelled':
      return chinaInstant(bookedOn, `${String(15 + index).padStart(2, '0')}:10`);
    default:
      return chinaInstant(date, '09:00');
  }
}
