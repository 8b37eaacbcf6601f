import { Text, View } from '@tarojs/components';
import type { Ticket, TicketStatus } from '@contract/satisfaction';
import { TICKET_STATUS_TEXT } from '@contract/satisfaction-labels';
import { deadlineBadges } from './ticket-format';

const STATUS_TONE: Record<TicketStatus, string> = {
  open: 'danger',
  reopened: 'danger',
  called_back: 'warning',
  appealing: 'warning',
  rectified: 'normal',
  closed: 'done',
  voided: 'done',
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  return <Text className={`yst-badge yst-badge--${STATUS_TONE[status]}`}>{TICKET_STATUS_TEXT[status]}</Text>;
}

export function DeadlineBadges({ ticket, now }: { ticket: Ticket; now: Date }) {
  const badges = deadlineBadges(ticket, now);
  if (badges.length === 0) return null;
  return (
    <View className="yst-badges">
      {badges.map((b) => (
        <Text key={b.text} className={`yst-badge yst-badge--${b.tone}`} data-testid={b.tone === 'danger' ? 'badge-danger' : undefined}>
          {b.text}
        </Text>
      ))}
    </View>
  );
}
