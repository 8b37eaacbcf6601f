import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Ticket } from '@contract/satisfaction';
import { DeadlineBadges, StatusBadge } from './ticket-badges';
import { chinaDateTime } from '@/lib/china-time';
import { scoreText, subjectTitle } from './ticket-format';

export const ticketDetailUrl = (id: number) => `/staff/pages/tickets/detail?id=${id}`;

export function TicketCard({ ticket, now }: { ticket: Ticket; now: Date }) {
  return (
    <View
      className={`yst-card yst-ticket${ticket.overdue ? ' yst-ticket--overdue' : ''}`}
      ariaRole="link"
      ariaLabel={`工单 ${ticket.id}`}
      data-testid={`ticket-${ticket.id}`}
      onClick={() => void Taro.navigateTo({ url: ticketDetailUrl(ticket.id) })}
    >
      <View className="yst-ticket__head">
        <Text className="yst-ticket__title">{subjectTitle(ticket)}</Text>
        <StatusBadge status={ticket.status} />
      </View>
      <View className="yst-row">
        <Text className="yst-row__label">责任部门</Text>
        <Text className="yst-row__value">{ticket.department.name}</Text>
      </View>
      <View className="yst-row">
        <Text className="yst-row__label">整体满意度</Text>
        <Text className="yst-row__value">
          {scoreText(ticket.scores.overall)}
          {ticket.problem ? ` · ${ticket.problem.category}` : ''}
        </Text>
      </View>
      <View className="yst-row">
        <Text className="yst-row__label">工单编号</Text>
        <Text className="yst-row__value">
          {ticket.id} · {chinaDateTime(ticket.createdAt)} 生成
        </Text>
      </View>
      <DeadlineBadges ticket={ticket} now={now} />
    </View>
  );
}
