import type { FastifyInstance } from 'fastify';
import { BENEFIT_STATUS_LABELS, type Benefit, type BenefitStatus } from '../../../types/benefit';
import { HttpError } from '../../lib/http-error';
import { toChinaDate } from '../../lib/working-days';
import { NOTICE_PAGES, yuanText } from '../../plugins/notifications';
import type { Repositories } from '../../repositories';
import type { BenefitEventInput, BenefitPatch } from '../../repositories/benefits';
import type { SessionUser } from '../../repositories/sessions';

/** The enterprise a user acts for; enterprise users must have bound one first. */
export function requireBoundEnterprise(user: SessionUser): number {
  if (user.enterpriseId === null) throw new HttpError(409, 'ENTERPRISE_NOT_BOUND', '请先绑定企业');
  return user.enterpriseId;
}

/** Department scope of a staff list: admin sees all (undefined); staff only their own department. */
export function staffScope(user: SessionUser): number | undefined {
  if (user.role === 'admin') return undefined;
  if (user.departmentId === null) throw new HttpError(403, 'FORBIDDEN', '您的账号未关联部门，无法处理该事项');
  return user.departmentId;
}

export function requireDepartment(user: SessionUser, departmentId: number, message: string): void {
  if (user.role === 'admin') return;
  if (user.departmentId !== departmentId) throw new HttpError(403, 'FORBIDDEN', message);
}

/** Yuan as typed (at most 2 decimals) to integer fen; anything finer is refused, not rounded away. */
export function toFen(yuan: number, field: string): number {
  const fen = Math.round(yuan * 100);
  if (Math.abs(yuan * 100 - fen) > 1e-6) throw new HttpError(400, 'VALIDATION', `${field}：金额最多保留两位小数`, field);
  return fen;
}

/** Who did it, as the history shows it: the department (or 营商办 for an admin without one), never a person. */
export async function staffActorName(repos: Repositories, user: SessionUser): Promise<string> {
  const name = user.departmentId !== null ? await repos.benefits.departmentName(user.departmentId) : undefined;
  return name ?? '营商办';
}

export interface TransitionRule {
  from: readonly BenefitStatus[];
  to: BenefitStatus;
  /** The action, for "当前为…，不能…". */
  verb: string;
}

export const TRANSITIONS = {
  publicize: { from: ['matched', 'objected'], to: 'publicized', verb: '公示' },
  confirm: { from: ['publicized'], to: 'confirmed', verb: '确认' },
  object: { from: ['publicized'], to: 'objected', verb: '提出异议' },
  pay: { from: ['confirmed'], to: 'paid', verb: '登记兑现' },
  archive: { from: ['paid'], to: 'archived', verb: '归档' },
} as const satisfies Record<string, TransitionRule>;

export function statusConflict(current: BenefitStatus, rule: TransitionRule): HttpError {
  return new HttpError(409, 'BENEFIT_STATUS', `该享受记录当前为“${BENEFIT_STATUS_LABELS[current]}”，不能${rule.verb}`);
}

/** Tells the enterprise's users about a change they must see (公示 to check, or money paid), after the commit. */
export function notifyEnterprise(fastify: FastifyInstance, benefit: Benefit): void {
  const key = benefit.status === 'publicized' ? 'benefitPublicized' : benefit.status === 'paid' ? 'benefitPaid' : null;
  if (!key) return;
  fastify.notifications.background(async () => {
    const userIds = await fastify.repos.benefits.enterpriseUserIds(benefit.enterprise.id);
    const data: Record<string, string> =
      key === 'benefitPublicized'
        ? { thing1: benefit.policy.title, amount2: yuanText(benefit.amountYuan ?? 0), thing3: '请核对公示内容并确认' }
        : {
            thing1: benefit.policy.title,
            amount2: yuanText(benefit.paidAmountYuan ?? 0),
            date3: benefit.paidOn ?? toChinaDate(fastify.clock.now()),
          };
    for (const userId of userIds) await fastify.notifications.notify(userId, key, data, NOTICE_PAGES.benefit(benefit.id));
  });
}

/** Applies a transition, or says why not (409 naming the current status); the UPDATE re-checks the status. */
export async function applyTransition(
  repos: Repositories,
  benefitId: number,
  current: BenefitStatus,
  rule: TransitionRule,
  patch: BenefitPatch,
  event: BenefitEventInput,
): Promise<Benefit> {
  if (!rule.from.includes(current)) throw statusConflict(current, rule);
  const moved = await repos.benefits.transition(benefitId, rule.from, rule.to, patch, event);
  if (!moved) {
    const now = await repos.benefits.findRef(benefitId);
    throw statusConflict(now?.status ?? current, rule);
  }
  return (await repos.benefits.view(benefitId)) as Benefit;
}
