import { useCallback, useEffect, useState } from 'react';
import { Button, Skeleton, TextArea } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import { DIMENSION_LABELS, RATING_DIMENSIONS, SCORE_LABELS } from '@contract/satisfaction-labels';
import type { Score, Ticket, TicketAction } from '@contract/satisfaction';
import { Page } from '@/components/page';
import { errorMessage } from '@/lib/api/api-error';
import { confirm, showSuccessToast } from '@/lib/wx/ui';
import { Row } from '@/components/row';
import { confirmTicket, fetchTicket, reopenTicket } from './api';
import { chinaDateTime, chinaDeadline } from '@/lib/china-time';
import { APPEAL_PAUSED_TEXT, OverdueTag, TicketStatusTag } from './ticket-status';
import './tickets.scss';

const ACTION_LABELS: Record<TicketAction, string> = {
  created: '生成工单',
  callback: '部门回访',
  rectify: '部门整改并答复',
  confirm: '企业确认办结',
  reopen: '企业退回重办',
  appeal: '部门申请复核',
  appeal_upheld: '复核：评价核销',
  appeal_rejected: '复核：继续整改',
};

function callbackText(ticket: Ticket): string {
  if (ticket.callback) return `${chinaDateTime(ticket.callback.at)}：${ticket.callback.outcome}`;
  return ticket.status === 'appealing' ? '申诉复核中，暂停办理' : `部门将于 ${chinaDeadline(ticket.callbackDueAt)} 前与您联系`;
}

function Progress({ ticket }: { ticket: Ticket }) {
  const paused = ticket.status === 'appealing';
  return (
    <View className="yst-card">
      <Text className="yst-card__title">办理进展</Text>
      <Row label="责任部门" value={ticket.department.name} />
      <View className="yst-row">
        <Text className="yst-row__label">整改期限</Text>
        <Text className="yst-row__value">
          {paused ? APPEAL_PAUSED_TEXT : chinaDeadline(ticket.deadlineAt)} <OverdueTag ticket={ticket} only="rectify" />
        </Text>
      </View>
      {/* A reopened ticket still shows the earlier callback while it waits for the next one, which may be late. */}
      <View className="yst-row">
        <Text className="yst-row__label">回访</Text>
        <Text className="yst-row__value">
          {callbackText(ticket)}{' '}
          <OverdueTag ticket={ticket} only="callback" />
        </Text>
      </View>
      {ticket.fix ? <Row label="整改措施" value={ticket.fix} /> : null}
      {ticket.reply ? <Row label="部门答复" value={ticket.reply} /> : null}
      {ticket.reopenCount > 0 ? <Row label="退回次数" value={`${ticket.reopenCount} 次`} /> : null}
      {ticket.closedAt ? <Row label="办结时间" value={chinaDateTime(ticket.closedAt)} /> : null}
    </View>
  );
}

function MyRating({ ticket }: { ticket: Ticket }) {
  return (
    <View className="yst-card">
      <Text className="yst-card__title">我的评价</Text>
      {RATING_DIMENSIONS.map((d) => (
        <Row key={d} label={DIMENSION_LABELS[d]} value={SCORE_LABELS[ticket.scores[d] as Score]} />
      ))}
      {ticket.comment ? <Row label="意见建议" value={ticket.comment} /> : null}
      {ticket.problem ? (
        <Row
          label="反映问题"
          value={`【${ticket.problem.category}】${ticket.problem.description}${ticket.problem.photoCount ? `（附照片 ${ticket.problem.photoCount} 张）` : ''}`}
        />
      ) : null}
    </View>
  );
}

function History({ ticket }: { ticket: Ticket }) {
  return (
    <View className="yst-card">
      <Text className="yst-card__title">办理记录</Text>
      <View className="yst-mt-timeline">
        {[...ticket.history].reverse().map((event, index) => (
          <View key={`${event.at}-${index}`} className="yst-mt-timeline__item">
            <Text className="yst-mt-timeline__title">{ACTION_LABELS[event.action]}</Text>
            <Text className="yst-mt-timeline__meta">
              {chinaDateTime(event.at)} · {event.by}
            </Text>
            {event.note ? <Text className="yst-mt-timeline__note">{event.note}</Text> : null}
          </View>
        ))}
      </View>
    </View>
  );
}

/** Shown only when the department has replied: accept the fix, or send it back with a reason. */
function Decision({ ticket, onChanged }: { ticket: Ticket; onChanged: (t: Ticket) => void }) {
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<Ticket>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      showSuccessToast(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const accept = async () => {
    if (await confirm('确认办结', '确认问题已整改到位？确认后工单办结。', '确认办结')) await run(() => confirmTicket(ticket.id), '已办结');
  };
  const sendBack = async () => {
    if (reason.trim().length < 2) {
      setError('请填写退回原因（至少 2 个字）');
      return;
    }
    await run(() => reopenTicket(ticket.id, reason.trim()), '已退回重办');
  };

  return (
    <View className="yst-field">
      <Text className="yst-field__label">请确认整改结果</Text>
      {reopening ? (
        <View>
          <TextArea value={reason} placeholder="请说明哪些问题仍未解决" maxLength={500} showCount onChange={(value: string) => setReason(value)} />
          {error ? <Text className="yst-field__error">{error}</Text> : null}
          <View className="yst-actions">
            <Button type="danger" block loading={busy} onClick={() => void sendBack()}>
              提交退回
            </Button>
            <Button block onClick={() => setReopening(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View>
          {error ? <Text className="yst-field__error">{error}</Text> : null}
          <View className="yst-actions">
            <Button type="primary" block loading={busy} onClick={() => void accept()}>
              确认办结
            </Button>
            <Button block onClick={() => setReopening(true)}>
              未解决，退回重办
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

type DetailState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; ticket: Ticket };

export function TicketDetailScreen({ id }: { id: number | null }) {
  const [state, setState] = useState<DetailState>({ kind: 'loading' });
  const load = useCallback(async () => {
    if (id === null) {
      setState({ kind: 'error', message: '工单不存在' });
      return;
    }
    try {
      setState({ kind: 'ready', ticket: await fetchTicket(id) });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Page title="工单详情">
      {state.kind === 'loading' ? <Skeleton rows={8} animated /> : null}
      {state.kind === 'error' ? <Empty title="无法查看工单" description={state.message} /> : null}
      {state.kind === 'ready' ? (
        <View>
          <View className="yst-header">
            <Text className="yst-header__title">{state.ticket.subject.title}</Text>
            <View className="yst-mt-ticket__head yst-mt-ticket__head--header">
              <Text className="yst-header__subtitle">
                {state.ticket.subject.stage ? `${state.ticket.subject.stage} · ` : ''}工单号 {state.ticket.id}
              </Text>
              <TicketStatusTag ticket={state.ticket} />
            </View>
          </View>
          {state.ticket.status === 'rectified' ? <Decision ticket={state.ticket} onChanged={(ticket) => setState({ kind: 'ready', ticket })} /> : null}
          <Progress ticket={state.ticket} />
          <MyRating ticket={state.ticket} />
          <History ticket={state.ticket} />
        </View>
      ) : null}
    </Page>
  );
}
