import type { Ticket, TicketAction, TicketStatus } from '@contract/satisfaction';
import { SCORE_TEXT, TICKET_FINISHED_STATUSES } from '@contract/satisfaction-labels';
import { chinaDeadline, chinaDeadlineDate } from '@/lib/china-time';

const DAY_MS = 86_400_000;

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

const AWAITING_CALLBACK: readonly TicketStatus[] = ['open', 'reopened'];

export type BadgeTone = 'danger' | 'warning' | 'normal' | 'done';
export interface Badge {
  text: string;
  tone: BadgeTone;
}

/** The deadline as staff must act on it: overdue first, then the callback that is due, then the rectification date. */
export function deadlineBadges(ticket: Ticket, now: Date): Badge[] {
  if (TICKET_FINISHED_STATUSES.includes(ticket.status)) return [];
  const badges: Badge[] = [];
  if (ticket.overdue) badges.push({ text: `已逾期（期限 ${chinaDeadlineDate(ticket.deadlineAt, now)}）`, tone: 'danger' });
  if (AWAITING_CALLBACK.includes(ticket.status)) {
    const late = Date.parse(ticket.callbackDueAt) < now.getTime();
    badges.push(late ? { text: '回访超时', tone: 'danger' } : { text: `${chinaDeadline(ticket.callbackDueAt, now)} 前回访`, tone: 'warning' });
  }
  if (!ticket.overdue && ticket.status !== 'rectified') {
    const days = Math.ceil((Date.parse(ticket.deadlineAt) - now.getTime()) / DAY_MS);
    badges.push({ text: `${chinaDeadlineDate(ticket.deadlineAt, now)} 前整改（剩 ${Math.max(days, 0)} 天）`, tone: days <= 3 ? 'warning' : 'normal' });
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
