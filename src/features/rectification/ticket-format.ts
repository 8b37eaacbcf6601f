import type { Ticket, TicketAction, TicketStatus } from '@contract/satisfaction';
import { SCORE_TEXT, TICKET_FINISHED_STATUSES } from '@contract/satisfaction-labels';
import { chinaDeadline, chinaDeadlineDate, chinaToday, daysBetween } from '@/lib/china-time';

export const ACTION_LABELS: Record<TicketAction, string> = {
  created: '差评生成工单',
  callback: '记录回访',
  rectify: '登记整改并答复',
  confirm: '企业确认办结',
  reopen: '企业退回重办',
  appeal: '提出申诉',
  appeal_upheld: '申诉成立，评价核销',
  appeal_rejected: '申诉驳回',
};

// As the server's ledger defines 逾期 (server/repositories/tickets.ts): past the rectification deadline while it
// runs, or still waiting for the callback past its due time. The card says which.
const RUNNING: readonly TicketStatus[] = ['open', 'called_back', 'reopened'];
const AWAITING_CALLBACK: readonly TicketStatus[] = ['open', 'reopened'];

export type BadgeTone = 'danger' | 'warning' | 'normal' | 'done';
export interface Badge {
  text: string;
  tone: BadgeTone;
}

/**
 * What is left of a deadline, counted in calendar days as the policy list counts validity (policies/dates.ts):
 * the whole days after today up to the deadline's last day, so on that last day it reads 今日截止.
 */
export function remainingText(deadlineAt: string, now: Date): { text: string; days: number } {
  // A deadline ends a China day at the next day's 00:00: the millisecond before it is on its last day.
  const lastDay = chinaToday(new Date(Date.parse(deadlineAt) - 1));
  const days = Math.max(daysBetween(chinaToday(now), lastDay), 0);
  return { text: days === 0 ? '今日截止' : `剩 ${days} 天`, days };
}

/** An appeal pauses the ticket (the appeal form says so): no deadline counts down until the office decides. */
export const APPEAL_PAUSED_TEXT = '申诉复核中，整改期限暂停';

/** The deadline as staff must act on it: what is overdue first, then the callback that is due, then the rectification date. */
export function deadlineBadges(ticket: Ticket, now: Date): Badge[] {
  if (TICKET_FINISHED_STATUSES.includes(ticket.status)) return [];
  if (ticket.status === 'appealing') return [{ text: APPEAL_PAUSED_TEXT, tone: 'warning' }];
  const badges: Badge[] = [];
  const at = now.getTime();
  const rectifyLate = RUNNING.includes(ticket.status) && Date.parse(ticket.deadlineAt) < at;
  const callbackLate = AWAITING_CALLBACK.includes(ticket.status) && Date.parse(ticket.callbackDueAt) < at;
  if (rectifyLate) badges.push({ text: `已逾期（期限 ${chinaDeadlineDate(ticket.deadlineAt, now)}）`, tone: 'danger' });
  if (callbackLate) badges.push({ text: `回访超时（期限 ${chinaDeadline(ticket.callbackDueAt, now)}）`, tone: 'danger' });
  else if (AWAITING_CALLBACK.includes(ticket.status)) badges.push({ text: `${chinaDeadline(ticket.callbackDueAt, now)} 前回访`, tone: 'warning' });
  // The server counted the ticket overdue a moment ago; keep the card red even if this clock disagrees.
  if (ticket.overdue && !rectifyLate && !callbackLate) badges.push({ text: '已逾期', tone: 'danger' });
  if (!rectifyLate && ticket.status !== 'rectified') {
    const left = remainingText(ticket.deadlineAt, now);
    badges.push({ text: `${chinaDeadlineDate(ticket.deadlineAt, now)} 前整改（${left.text}）`, tone: left.days <= 3 ? 'warning' : 'normal' });
  }
  return badges;
}

export function subjectTitle(ticket: Ticket): string {
  const kind = { project: '重点项目', department: '部门服务', delivery: '证照递送' }[ticket.subject.kind];
  return `${kind} · ${ticket.subject.title}`;
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function scoreText(score: number): string {
  const label = SCORE_TEXT[score];
  return label ? `${score} 分 · ${label}` : `${score} 分`;
}
