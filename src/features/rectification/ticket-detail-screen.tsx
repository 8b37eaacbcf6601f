import { useEffect, useState } from 'react';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import type { User } from '@contract/auth';
import type { Ticket, TicketStatus } from '@contract/satisfaction';
import { DIMENSION_KEYS, DIMENSION_TEXT } from '@contract/satisfaction-labels';
import { errorMessage } from '@/lib/api/api-error';
import { StaffGate } from '@/features/auth/staff-gate';
import { Row } from '@/components/row';
import { chinaDateTime, chinaDeadline } from '@/lib/china-time';
import { getTicket } from './api';
import { RaterContact } from './rater-contact';
import { DeadlineBadges, StatusBadge } from './ticket-badges';
import { AppealDecisionForm, AppealForm, CallbackForm, RectifyForm } from './ticket-forms';
import { scoreText, subjectTitle } from './ticket-format';
import { TicketTimeline } from './ticket-timeline';
import './rectification.scss';

const CALLBACK_FROM: readonly TicketStatus[] = ['open', 'reopened'];
const APPEAL_FROM: readonly TicketStatus[] = ['open', 'called_back', 'reopened', 'rectified'];

function RatingCard({ ticket }: { ticket: Ticket }) {
  return (
    <View className="yst-card" data-testid="rating">
      <Text className="yst-card__title">评价内容</Text>
      {DIMENSION_KEYS.map((d) => (
        <Row key={d} label={DIMENSION_TEXT[d]} value={scoreText(ticket.scores[d])} />
      ))}
      <Row label="评价意见" value={ticket.comment || '（未填写）'} />
      {ticket.problem ? (
        <>
          <Row label="问题类别" value={ticket.problem.category} />
          <Row label="问题描述" value={ticket.problem.description} />
          {ticket.problem.photoCount > 0 ? <Row label="现场照片" value={`${ticket.problem.photoCount} 张`} /> : null}
        </>
      ) : null}
    </View>
  );
}

/** The rater, only as the API returns it: to the responsible department, for the callback. */
function RaterCard({ rater, ticket }: { rater: NonNullable<Ticket['rater']>; ticket: Ticket }) {
  return (
    <View className="yst-card" data-testid="rater">
      <Text className="yst-card__title">评价企业（仅用于回访）</Text>
      <Row label="企业名称" value={rater.enterpriseName} />
      <Row label="联系电话" value={rater.contactMasked ?? '企业未留电话'} />
      <RaterContact ticket={ticket} />
      <Text className="yst-field__hint">请勿向他人透露评价人信息，不得就评价结果对企业施压。</Text>
    </View>
  );
}

function ProgressCard({ ticket }: { ticket: Ticket }) {
  return (
    <View className="yst-card">
      <Text className="yst-card__title">办理情况</Text>
      <Row label="回访期限" value={chinaDeadline(ticket.callbackDueAt)} />
      <Row label="整改期限" value={ticket.status === 'appealing' ? `${chinaDeadline(ticket.deadlineAt)}（申诉期间暂停）` : chinaDeadline(ticket.deadlineAt)} />
      {ticket.callback ? <Row label="回访" value={`${chinaDateTime(ticket.callback.at)} · ${ticket.callback.outcome}`} /> : null}
      {ticket.fix ? <Row label="整改措施" value={ticket.fix} /> : null}
      {ticket.reply ? <Row label="答复企业" value={ticket.reply} /> : null}
      {ticket.rectifiedAt ? <Row label="整改时间" value={chinaDateTime(ticket.rectifiedAt)} /> : null}
      {ticket.closedAt ? <Row label="办结时间" value={chinaDateTime(ticket.closedAt)} /> : null}
      {ticket.reopenCount > 0 ? <Row label="退回重办" value={`${ticket.reopenCount} 次`} /> : null}
      {ticket.appeal ? (
        <>
          <Row label="申诉理由" value={`${chinaDateTime(ticket.appeal.at)} · ${ticket.appeal.reason}`} />
          {ticket.appeal.decision ? (
            <Row
              label="复核结论"
              value={`${ticket.appeal.decision.upheld ? '申诉成立' : '申诉驳回'} · ${ticket.appeal.decision.note}（${chinaDateTime(ticket.appeal.decision.at)}）`}
            />
          ) : null}
        </>
      ) : null}
    </View>
  );
}

function Actions({ ticket, user, onChange }: { ticket: Ticket; user: User; onChange: (t: Ticket) => void }) {
  const responsible = user.role === 'staff' && user.department?.id === ticket.department.id;
  if (user.role === 'admin' && ticket.status === 'appealing') {
    return (
      <View className="yst-card">
        <Text className="yst-card__title">复核申诉</Text>
        <AppealDecisionForm ticket={ticket} onDone={onChange} />
      </View>
    );
  }
  if (!responsible) return null;
  return (
    <>
      {CALLBACK_FROM.includes(ticket.status) ? <CallbackForm ticket={ticket} onDone={onChange} /> : null}
      {ticket.status === 'called_back' ? <RectifyForm ticket={ticket} onDone={onChange} /> : null}
      {APPEAL_FROM.includes(ticket.status) && ticket.appeal === null ? <AppealForm ticket={ticket} onDone={onChange} /> : null}
    </>
  );
}

function TicketDetail({ id, user }: { id: number; user: User }) {
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getTicket(id)
      .then((t) => live && setTicket(t))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id]);

  if (error) return <Empty title="无法打开工单" description={error} />;
  if (!ticket) return <Text className="yst-note">加载中…</Text>;
  return (
    <View className="yst-ticket-detail">
      <View className="yst-header">
        <Text className="yst-header__title">{subjectTitle(ticket)}</Text>
        <Text className="yst-header__subtitle">
          工单 {ticket.id} · {ticket.department.name} · 阶段：{ticket.subject.stage}
        </Text>
      </View>
      <View className="yst-card yst-ticket-detail__status">
        <StatusBadge status={ticket.status} />
        <DeadlineBadges ticket={ticket} now={new Date()} />
      </View>
      <RatingCard ticket={ticket} />
      {ticket.rater ? <RaterCard rater={ticket.rater} ticket={ticket} /> : null}
      <ProgressCard ticket={ticket} />
      <Actions ticket={ticket} user={user} onChange={setTicket} />
      <TicketTimeline history={ticket.history} />
    </View>
  );
}

export function TicketDetailScreen({ id }: { id: number }) {
  return (
    <StaffGate title="工单详情" roles={['staff', 'admin']} deniedText="工单详情仅供责任部门和营商办查看">
      {(user) => (Number.isInteger(id) && id > 0 ? <TicketDetail id={id} user={user} /> : <Empty title="工单编号无效" />)}
    </StaffGate>
  );
}
