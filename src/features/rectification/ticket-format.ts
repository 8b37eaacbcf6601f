import type { Ticket, TicketAction, TicketStatus } from '@contract/satisfaction';
import { SCORE_TEXT } from '@contract/satisfaction-labels';
import { chinaDeadline } from '@/lib/deadline';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** 2026-09-28T02:00:00.000Z -> 2026-09-28 10:00: staff read times in China time, whatever the phone's zone. */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function chinaDate(iso: string): string {
  return chinaTime(iso).slice(0, 10);
}

/** The last day a deadline allows: the server ends deadlines at the next day's 00:00, which is still that day. */
function deadlineDate(iso: string): string {
  return chinaDeadline(iso, chinaTime).slice(0, 10);
}

/** '2026-10-09 14:30' typed by staff in China time -> ISO instant; null when it is not such a time. */
export function parseChinaTime(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MS;
  const back = new Date(ms + CHINA_OFFSET_MS);
  // Rejects 2026-02-30 and 25:00, which Date.UTC would silently roll over.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return new Date(ms).toISOString();
}

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

const FINISHED: readonly TicketStatus[] = ['closed', 'voided'];
const AWAITING_CALLBACK: readonly TicketStatus[] = ['open', 'reopened'];

export type BadgeTone = 'danger' | 'warning' | 'normal' | 'done';
export interface Badge {
  text: string;
  tone: BadgeTone;
}

/** The deadline as staff must act on it: overdue first, then the callback that is due, then the rectification date. */
export function deadlineBadges(ticket: Ticket, now: Date): Badge[] {
  if (FINISHED.includes(ticket.status)) return [];
  const badges: Badge[] = [];
  if (ticket.overdue) badges.push({ text: `已逾期（期限 ${deadlineDate(ticket.deadlineAt)}）`, tone: 'danger' });
  if (AWAITING_CALLBACK.includes(ticket.status)) {
    const late = Date.parse(ticket.callbackDueAt) < now.getTime();
    badges.push(late ? { text: '回访超时', tone: 'danger' } : { text: `${chinaDeadline(ticket.callbackDueAt, chinaTime)} 前回访`, tone: 'warning' });
  }
  if (!ticket.overdue && ticket.status !== 'rectified') {
    const days = Math.ceil((Date.parse(ticket.deadlineAt) - now.getTime()) / DAY_MS);
    badges.push({ text: `${deadlineDate(ticket.deadlineAt)} 前整改（剩 ${Math.max(days, 0)} 天）`, tone: days <= 3 ? 'warning' : 'normal' });
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
