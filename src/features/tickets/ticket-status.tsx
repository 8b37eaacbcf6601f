import { Tag } from '@nutui/nutui-react-taro';
import { TICKET_STATUS_LABELS } from '@contract/satisfaction-labels';
import type { Ticket } from '@contract/satisfaction';

const TAG_TYPE: Record<Ticket['status'], 'primary' | 'success' | 'warning' | 'danger' | 'default'> = {
  open: 'warning',
  called_back: 'primary',
  rectified: 'warning',
  reopened: 'danger',
  appealing: 'default',
  closed: 'success',
  voided: 'default',
};

export function TicketStatusTag({ ticket }: { ticket: Ticket }) {
  return <Tag type={TAG_TYPE[ticket.status]}>{ticket.status === 'rectified' ? '待您确认' : TICKET_STATUS_LABELS[ticket.status]}</Tag>;
}

const AWAITING_CALLBACK: readonly Ticket['status'][] = ['open', 'reopened'];

/** While the department's appeal is reviewed the ticket is paused: no deadline runs, none is shown as due. */
export const APPEAL_PAUSED_TEXT = '申诉复核中，整改期限暂停';

/**
 * Which deadline the department missed, for a ticket the server counts overdue: the callback while it is still
 * awaited past its due time and the rectification deadline has not passed, otherwise the rectification.
 */
export function overdueReason(ticket: Ticket, now: Date = new Date()): 'callback' | 'rectify' | null {
  if (!ticket.overdue) return null;
  const at = now.getTime();
  const callbackLate = AWAITING_CALLBACK.includes(ticket.status) && Date.parse(ticket.callbackDueAt) < at;
  return callbackLate && Date.parse(ticket.deadlineAt) >= at ? 'callback' : 'rectify';
}

/** 已超期 by the deadline it concerns; `only` shows it solely next to that deadline (the detail lists both). */
export function OverdueTag({ ticket, only }: { ticket: Ticket; only?: 'callback' | 'rectify' }) {
  const reason = overdueReason(ticket);
  if (reason === null || (only && only !== reason)) return null;
  return <Tag type="danger">{reason === 'callback' ? '回访超时' : '已超期'}</Tag>;
}
