import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Popup, Skeleton, Tag } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import type { VisitSummary } from '@contract/satisfaction';
import { Page } from '@/components/page';
import { chinaDateTime } from '@/lib/china-time';
import { errorMessage } from '@/lib/api/api-error';
import { fetchMyVisits } from './api';
import { StaffGate } from './staff-gate';
import { VisitCode } from './visit-code';
import './visits.scss';
import { useOnReturn } from '@/lib/use-on-return';

/** “已评价 11月27日 11:32”: when it was rated, never how. */
export function ratedLabel(ratedAt: string, now: Date): string {
  return `已评价 ${chinaDateTime(ratedAt, now)}`;
}

function VisitRow({ visit, onShow }: { visit: VisitSummary; onShow: () => void }) {
  return (
    <View className="yst-vs-visit" ariaRole="button" onClick={onShow}>
      <View className="yst-vs-visit__head">
        <Text className="yst-vs-visit__name">{visit.enterprise.name}</Text>
        {visit.ratedAt ? (
          // Rated before this visit, by another way in: the one rating this stage allows exists.
          <Tag type="success">{visit.ratedElsewhere ? '已评价（此前）' : ratedLabel(visit.ratedAt, new Date())}</Tag>
        ) : (
          <Tag type="warning">待评价</Tag>
        )}
      </View>
      <Text className="yst-vs-visit__meta">
        {visit.project?.name ?? visit.department.name} · {visit.stage}
      </Text>
      <Text className="yst-vs-visit__meta">发起于 {chinaDateTime(visit.createdAt)}</Text>
    </View>
  );
}

type ListState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; items: VisitSummary[]; total: number; page: number };

function VisitList() {
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [shown, setShown] = useState<VisitSummary | null>(null);
  const load = useCallback(async () => {
    try {
      const page = await fetchMyVisits(1);
      setState({ kind: 'ready', items: page.items, total: page.total, page: 1 });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  // Coming back to the list is when the visitor wants to know whether the owner has rated.
  useOnReturn(() => void load());
  const more = async () => {
    if (state.kind !== 'ready') return;
    try {
      const next = await fetchMyVisits(state.page + 1);
      setState({ kind: 'ready', items: [...state.items, ...next.items], total: next.total, page: state.page + 1 });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  };

  if (state.kind === 'loading') return <Skeleton rows={5} animated />;
  if (state.kind === 'error') return <Empty title="加载失败" description={state.message} />;
  return (
    <View>
      {state.items.length === 0 ? <Empty title="还没有走访记录" description="到企业走访时，点击“发起走访”生成评价码" /> : null}
      {state.items.map((visit) => (
        <VisitRow key={visit.id} visit={visit} onShow={() => setShown(visit)} />
      ))}
      {state.items.length < state.total ? (
        <View className="yst-actions">
          <Button block onClick={() => void more()}>
            加载更多
          </Button>
        </View>
      ) : null}
      <View className="yst-actions">
        <Button block onClick={() => void load()}>
          刷新评价状态
        </Button>
      </View>
      <Popup visible={shown !== null} position="bottom" round closeable onClose={() => setShown(null)}>
        {shown ? <VisitCode visit={shown} enterpriseName={shown.enterprise.name} stage={shown.stage} /> : null}
      </Popup>
    </View>
  );
}

/** 我的走访: the visits I opened, whether and when each was rated (never the answers). */
export function VisitsScreen() {
  return (
    <Page title="我的走访">
      <StaffGate>
        <View>
          <View className="yst-header">
            <Text className="yst-header__title">走访评价</Text>
            <Text className="yst-header__subtitle">现场出示评价码，由企业独立扫码评价</Text>
          </View>
          <View className="yst-actions">
            <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: '/staff/pages/visits/new' })}>
              发起走访
            </Button>
          </View>
          <VisitList />
        </View>
      </StaffGate>
    </Page>
  );
}
