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

export function OverdueTag({ ticket }: { ticket: Ticket }) {
  return ticket.overdue ? <Tag type="danger">已超期</Tag> : null;
}
