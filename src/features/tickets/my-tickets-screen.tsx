import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import type { Ticket } from '@contract/satisfaction';
import { Page } from '@/components/page';
import { LoginPanel } from '@/features/auth/login-panel';
import { useSession } from '@/features/auth/use-session';
import { errorMessage } from '@/lib/api/api-error';
import { fetchMyTickets, PAGE_SIZE } from './api';
import { chinaDeadline } from '@/lib/china-time';
import { APPEAL_PAUSED_TEXT, OverdueTag, TicketStatusTag } from './ticket-status';
import './tickets.scss';
import { useOnReturn } from '@/lib/use-on-return';

type ListState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; items: Ticket[]; total: number; page: number };

const OPEN: Ticket['status'][] = ['open', 'called_back', 'reopened', 'appealing'];

function TicketRow({ ticket }: { ticket: Ticket }) {
  const open = () => void Taro.navigateTo({ url: `/pages/tickets/detail?id=${ticket.id}` });
  return (
    <View className="yst-mt-ticket" ariaRole="button" onClick={open}>
      <View className="yst-mt-ticket__head">
        <Text className="yst-mt-ticket__title">{ticket.subject.title}</Text>
        <TicketStatusTag ticket={ticket} />
      </View>
      <Text className="yst-mt-ticket__meta">
        {ticket.department.name}
        {ticket.subject.stage ? ` · ${ticket.subject.stage}` : ''}
      </Text>
      {OPEN.includes(ticket.status) ? (
        <View className="yst-mt-ticket__deadline">
          <Text>{ticket.status === 'appealing' ? APPEAL_PAUSED_TEXT : `整改期限 ${chinaDeadline(ticket.deadlineAt)}`}</Text>
          <OverdueTag ticket={ticket} />
        </View>
      ) : null}
      {ticket.status === 'rectified' ? <Text className="yst-mt-ticket__action">部门已答复，请确认整改结果</Text> : null}
    </View>
  );
}

function TicketList() {
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(async () => {
    try {
      const page = await fetchMyTickets(1);
      setState({ kind: 'ready', items: page.items, total: page.total, page: 1 });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // Back from a detail where the user confirmed or reopened.
  useOnReturn(() => void load());

  const more = async () => {
    if (state.kind !== 'ready' || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await fetchMyTickets(state.page + 1);
      setState({ kind: 'ready', items: [...state.items, ...next.items], total: next.total, page: state.page + 1 });
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  };

  if (state.kind === 'loading') return <Skeleton rows={5} animated />;
  if (state.kind === 'error') {
    return (
      <View>
        <Empty title="加载失败" description={state.message} />
        <View className="yst-actions">
          <Button block onClick={() => void load()}>
            重试
          </Button>
        </View>
      </View>
    );
  }
  if (state.items.length === 0) return <Empty title="暂无工单" description="您的“不满意”评价会自动生成整改工单，可在这里跟进" />;
  return (
    <View>
      {state.items.map((ticket) => (
        <TicketRow key={ticket.id} ticket={ticket} />
      ))}
      {state.items.length < state.total ? (
        <View className="yst-actions">
          <Button block loading={loadingMore} onClick={() => void more()}>
            加载更多（共 {state.total} 条）
          </Button>
        </View>
      ) : state.total > PAGE_SIZE ? (
        <Text className="yst-note">已显示全部 {state.total} 条</Text>
      ) : null}
    </View>
  );
}

/** 我的工单: the rectification of my bad ratings. */
export function MyTicketsScreen() {
  const session = useSession();
  return (
    <Page title="我的工单">
      <View className="yst-header">
        <Text className="yst-header__title">我的工单</Text>
        <Text className="yst-header__subtitle">差评必回访、限期整改，整改后由您确认办结</Text>
      </View>
      {session.token ? <TicketList /> : <LoginPanel />}
    </Page>
  );
}
