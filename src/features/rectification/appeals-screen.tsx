import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Ticket } from '@contract/satisfaction';
import { StaffGate } from '@/features/auth/staff-gate';
import { usePagedList } from '@/lib/use-paged-list';
import { Row } from '@/components/row';
import { listAppeals } from './api';
import { PagedCards } from './paged-cards';
import { ticketDetailUrl } from './ticket-card';
import { AppealDecisionForm } from './ticket-forms';
import { chinaDateTime } from '@/lib/china-time';
import { scoreText, subjectTitle } from './ticket-format';
import './rectification.scss';

function AppealCard({ ticket, onDecided }: { ticket: Ticket; onDecided: () => void }) {
  return (
    <View className="yst-card" data-testid={`appeal-${ticket.id}`}>
      <Text className="yst-ticket__title">{subjectTitle(ticket)}</Text>
      <Row label="申诉部门" value={ticket.department.name} />
      <Row label="整体满意度" value={scoreText(ticket.scores.overall)} />
      <Row label="评价意见" value={ticket.comment || '（未填写）'} />
      <Row label="申诉理由" value={ticket.appeal ? `${ticket.appeal.reason}（${chinaDateTime(ticket.appeal.at)}）` : ''} />
      <View className="yst-link" ariaRole="link" onClick={() => void Taro.navigateTo({ url: ticketDetailUrl(ticket.id) })}>
        查看工单全部记录
      </View>
      <AppealDecisionForm ticket={ticket} onDone={onDecided} />
    </View>
  );
}

function Appeals() {
  const list = usePagedList('appeals', listAppeals);
  return (
    <View>
      <View className="yst-header">
        <Text className="yst-header__title">申诉复核</Text>
        <Text className="yst-header__subtitle">{list.status === 'loading' ? '加载中…' : `待复核 ${list.total} 件`}</Text>
      </View>
      <PagedCards list={list} emptyTitle="没有待复核的申诉">
        {(t) => <AppealCard key={t.id} ticket={t} onDecided={() => list.replace((i) => i.id === t.id, null)} />}
      </PagedCards>
    </View>
  );
}

export function AppealsScreen() {
  return (
    <StaffGate title="申诉复核" roles={['admin']} deniedText="申诉复核由营商办管理员办理">
      {() => <Appeals />}
    </StaffGate>
  );
}
