import type { FastifyInstance, FastifyRequest } from 'fastify';
import { deliveryStatusLabel, type DeliveryStatus } from '../../../types/delivery';
import type { AppConfig } from '../../config';
import { HttpError } from '../../lib/http-error';
import { createRepositories, type Repositories } from '../../repositories';
import type { DeliveryPatch } from '../../repositories/deliveries';
import type { DeliveryRow } from '../../repositories/delivery-tables';
import { fitSubscribeValue } from '../../wechat/subscribe-fields';
import { slotText } from './texts';

export const DELIVERY_TEMPLATE_KEY = 'delivery_status';
export const deliveryPage = (id: number) => `pages/delivery/detail?id=${id}`;

/** Who is acting, as the timeline names them (an enterprise or a department, never a person). */
export interface Actor {
  userId: number;
  role: 'enterprise' | 'visitor' | 'staff' | 'admin';
  enterpriseId: number | null;
  byName: string;
  /** Staff of the handling department, or admin: may process deliveries and see full contact data. */
  handles: boolean;
}

export async function actorOf(fastify: FastifyInstance, request: FastifyRequest, config: AppConfig): Promise<Actor> {
  const user = request.user!;
  const base = { userId: user.id, role: user.role, enterpriseId: user.enterpriseId };
  if (user.role === 'enterprise') {
    const enterprise = user.enterpriseId === null ? undefined : await fastify.repos.enterprises.findById(user.enterpriseId);
    return { ...base, byName: enterprise?.name ?? '企业用户', handles: false };
  }
  const department = user.departmentId === null ? undefined : await fastify.repos.deliveries.departmentName(user.departmentId);
  if (user.role === 'admin') return { ...base, byName: department ?? '营商办管理员', handles: true };
  return { ...base, byName: department ?? '工作人员', handles: user.role === 'staff' && department === config.deliveryDepartment };
}

/** Staff routes: only the handling department's staff (and admin) process deliveries. */
export function requireHandler(actor: Actor, config: AppConfig): void {
  if (!actor.handles) throw new HttpError(403, 'FORBIDDEN', `证照递送由${config.deliveryDepartment}办理，您所在部门无权处理`);
}

/** A booking the actor may see; anything else is 404 so ids reveal nothing. */
export async function visibleDelivery(repos: Repositories, actor: Actor, id: number): Promise<DeliveryRow> {
  const row = await repos.deliveries.findById(id);
  const mine = row !== undefined && actor.role === 'enterprise' && row.enterprise_id === actor.enterpriseId;
  if (!row || !(mine || actor.handles)) throw new HttpError(404, 'NOT_FOUND', '未找到该递送预约');
  return row;
}

export type DeliveryAction = 'accept' | 'dispatch' | 'deliver' | 'fail' | 'cancel' | 'reschedule';

const ACTION_LABELS: Record<DeliveryAction, string> = {
  accept: '受理',
  dispatch: '派送',
  deliver: '登记送达',
  fail: '登记递送失败',
  cancel: '取消',
  reschedule: '改约',
};

const TARGET: Record<DeliveryAction, DeliveryStatus> = {
  accept: 'accepted',
  dispatch: 'dispatched',
  deliver: 'delivered',
  fail: 'failed',
  cancel: 'cancelled',
  reschedule: 'submitted',
};

/** Statuses an action may start from. 自取 has no courier: it is handed over (or not) straight after 受理. */
export function allowedFrom(action: DeliveryAction, mode: string): DeliveryStatus[] {
  const pickup = mode === '自取';
  switch (action) {
    case 'accept':
      return ['submitted'];
    case 'dispatch':
      return pickup ? [] : ['accepted'];
    case 'deliver':
    case 'fail':
      return pickup ? ['accepted'] : ['dispatched'];
    case 'cancel':
      return ['submitted', 'accepted'];
    case 'reschedule':
      return ['failed'];
  }
}

function illegal(action: DeliveryAction, row: DeliveryRow): HttpError {
  const label = deliveryStatusLabel(row.status as DeliveryStatus, row.mode);
  const hint = action === 'dispatch' && row.mode === '自取' ? '（自取无需派送）' : '';
  return new HttpError(409, 'DELIVERY_STATUS', `该预约当前为“${label}”，不能${ACTION_LABELS[action]}${hint}`);
}

export interface TransitionSpec {
  action: DeliveryAction;
  patch?: DeliveryPatch;
  /** Timeline note: tracking number, reason, new slot. */
  note?: string | null;
  /** Extra writes in the same transaction (slot moves, handover record); runs after the status check. */
  alongside?: (repos: Repositories, row: DeliveryRow, now: string) => Promise<void>;
}

/**
 * Applies one status change with its event and audit entry in one transaction, then notifies the
 * enterprise user who booked (staff-made changes only: the enterprise made its own cancel/改约 itself).
 */
export async function transition(fastify: FastifyInstance, actor: Actor, id: number, spec: TransitionSpec): Promise<DeliveryRow> {
  const to = TARGET[spec.action];
  const updated = await fastify.db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    const row = await visibleDelivery(repos, actor, id);
    const from = allowedFrom(spec.action, row.mode);
    if (!from.includes(row.status as DeliveryStatus)) throw illegal(spec.action, row);
    const now = fastify.clock.now().toISOString();
    if (spec.alongside) await spec.alongside(repos, row, now);
    // Guarded by status, so a concurrent change (two staff, or a cancel racing a dispatch) loses cleanly.
    if (!(await repos.deliveries.transition(id, from, to, spec.patch ?? {}, now))) throw illegal(spec.action, row);
    await repos.deliveries.addEvent({
      delivery_id: id,
      kind: spec.action === 'reschedule' ? 'rescheduled' : to,
      status: to,
      at: now,
      by_name: actor.byName,
      actor_user_id: actor.userId,
      note: spec.note ?? null,
    });
    await repos.audit.record({ actorUserId: actor.userId, action: `delivery.${spec.action}`, target: `delivery:${id}`, at: now });
    return (await repos.deliveries.findById(id))!;
  });
  if (actor.role !== 'enterprise') notifyStatus(fastify, updated, spec.note ?? null);
  return updated;
}

/** Registers the delivery template once, so `notify` and the subscription list know it. */
export function ensureDeliveryTemplate(fastify: FastifyInstance): void {
  if (fastify.notifications.templates[DELIVERY_TEMPLATE_KEY]) return;
  fastify.notifications.registerTemplate(DELIVERY_TEMPLATE_KEY, {
    env: 'WECHAT_TEMPLATE_DELIVERY_STATUS',
    demo: 'demo-tpl-delivery-status',
    title: '证照递送进度通知',
  });
}

function itemsText(row: DeliveryRow): string {
  const kinds = (JSON.parse(row.items) as { kind: string }[]).map((i) => i.kind);
  return `证照递送：${kinds.join('、')}`;
}

/**
 * Subscribe message fields: thing ≤ 20 characters, phrase ≤ 5 汉字 (status labels are 3–4). The slot is a
 * `thing`, so it reads like the timeline ("2026年12月1日 上午", 13 characters) rather than 'YYYY-MM-DD'.
 */
export function statusNotice(row: DeliveryRow, note: string | null): Record<string, string> {
  const status = row.status as DeliveryStatus;
  const data: Record<string, string> = {
    thing1: itemsText(row),
    phrase2: deliveryStatusLabel(status, row.mode),
    thing3: slotText(row.date, row.period),
    thing4: note?.trim() || `${row.mode}，点击查看详情`,
  };
  for (const key of Object.keys(data)) data[key] = fitSubscribeValue(key, data[key]);
  return data;
}

function notifyStatus(fastify: FastifyInstance, row: DeliveryRow, note: string | null): void {
  ensureDeliveryTemplate(fastify);
  fastify.notifications.background(() => fastify.notifications.notify(row.created_by, DELIVERY_TEMPLATE_KEY, statusNotice(row, note), deliveryPage(row.id)));
}
