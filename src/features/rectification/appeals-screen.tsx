import Taro from '@tarojs/taro';
import { Button, Empty } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Ticket } from '@contract/satisfaction';
import { listAppeals } from './api';
import { StaffGate } from './staff-gate';
import { ticketDetailUrl } from './ticket-card';
import { AppealDecisionForm } from './ticket-forms';
import { chinaTime, scoreText, subjectTitle } from './ticket-format';
import { usePaged } from './use-paged';
import './rectification.scss';

function AppealCard({ ticket, onDecided }: { ticket: Ticket; onDecided: () => void }) {
  return (
    <View className="yst-card" data-testid={`appeal-${ticket.id}`}>
      <Text className="yst-ticket__title">{subjectTitle(ticket)}</Text>
      <View className="yst-row">
        <Text className="yst-row__label">申诉部门</Text>
        <Text className="yst-row__value">{ticket.department.name}</Text>
      </View>
      <View className="yst-row">
        <Text className="yst-row__label">整体满意度</Text>
        <Text className="yst-row__value">{scoreText(ticket.scores.overall)}</Text>
      </View>
      <View className="yst-row">
        <Text className="yst-row__label">评价意见</Text>
        <Text className="yst-row__value">{ticket.comment || '（未填写）'}</Text>
      </View>
      <View className="yst-row">
        <Text className="yst-row__label">申诉理由</Text>
        <Text className="yst-row__value">{ticket.appeal ? `${ticket.appeal.reason}（${chinaTime(ticket.appeal.at)}）` : ''}</Text>
      </View>
      <View className="yst-link" ariaRole="link" onClick={() => void Taro.navigateTo({ url: ticketDetailUrl(ticket.id) })}>
        查看工单全部记录
      </View>
      <AppealDecisionForm ticket={ticket} onDone={onDecided} />
    </View>
  );
}

function Appeals() {
  const list = usePaged('appeals', listAppeals);
  return (
    <View>
      <View className="yst-header">
        <Text className="yst-header__title">申诉复核</Text>
        <Text className="yst-header__subtitle">{list.loading && list.items.length === 0 ? '加载中…' : `待复核 ${list.total} 件`}</Text>
      </View>
      {list.error ? <Text className="yst-field__error yst-ledger__error">{list.error}</Text> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <Empty title="没有待复核的申诉" /> : null}
      {list.items.map((t) => (
        <AppealCard key={t.id} ticket={t} onDecided={() => list.replace((i) => i.id === t.id, null)} />
      ))}
      {list.hasMore ? (
        <View className="yst-actions">
          <Button block onClick={list.loadMore}>
            加载更多
          </Button>
        </View>
      ) : null}
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
