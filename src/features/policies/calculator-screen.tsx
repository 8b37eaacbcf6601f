import { useCallback, useEffect, useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { PolicyMatch } from '@contract/policy';
import type { ProfileField } from '@contract/policy-match';
import { Page } from '@/components/page';
import { useMe } from '@/features/auth/use-me';
import { errorMessage } from '@/lib/api/api-error';
import { fetchPolicyMatches } from './api';
import { ConditionList } from './condition-list';
import { EmptyState, ErrorState, ListSkeleton } from '@/components/list-states';
import { POLICY_DETAIL_PAGE } from './routes';
import { ProfileForm } from './profile-form';
import { SubscribeButton } from './subscribe-button';
import './policies.scss';

function MatchCard({ match }: { match: PolicyMatch }) {
  const verdict = match.matched ? '符合' : match.missing.length > 0 ? '待补充信息' : '暂不符合';
  return (
    <View className="yst-card" data-testid="match-card">
      <Text className="yst-policy-card__title yst-link" onClick={() => void Taro.navigateTo({ url: `${POLICY_DETAIL_PAGE}?id=${match.policy.id}` })}>
        {match.policy.title}
      </Text>
      <View className="yst-tags">
        <Tag className="yst-tag-solid" type={match.matched ? 'success' : match.missing.length > 0 ? 'warning' : 'danger'}>
          {verdict}
        </Tag>
        <Tag plain>{match.policy.kind}</Tag>
        <Text className="yst-policy-card__meta">{match.policy.department.name}</Text>
      </View>
      <ConditionList conditions={match.conditions} />
    </View>
  );
}

const PAGE = 20;

function missingOf(matches: PolicyMatch[]): ProfileField[] {
  return [...new Set(matches.flatMap((m) => m.missing as ProfileField[]))];
}

/** 政策计算器: every policy in force, the ones this enterprise matches first, and why for each condition. */
export function CalculatorScreen() {
  const session = useMe();
  const [matches, setMatches] = useState<PolicyMatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const bound = Boolean(session.enterprise);
  // The answer holds every policy in force; render it a page at a time to keep the node count low.
  const [shown, setShown] = useState(PAGE);
  useReachBottom(() => setShown((n) => n + PAGE));

  const load = useCallback(() => {
    setError(null);
    fetchPolicyMatches().then(setMatches, (cause: unknown) => setError(errorMessage(cause)));
  }, []);

  useEffect(() => {
    if (bound) load();
  }, [bound, load]);

  if (!session.token || session.enterprise === null) {
    return (
      <Page title="政策计算器">
        <EmptyState title="请先绑定企业" description="绑定企业后，可查看本企业符合哪些政策及原因" />
        <View className="yst-actions">
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
            去绑定企业
          </Button>
        </View>
      </Page>
    );
  }

  const matched = matches?.filter((m) => m.matched).length ?? 0;
  const missing = matches ? missingOf(matches) : [];

  return (
    <Page title="政策计算器">
      <View className="yst-header">
        <Text className="yst-header__title">{session.enterprise?.name ?? '本企业'}</Text>
        <Text className="yst-header__subtitle">
          {matches ? `符合 ${matched} 项政策，共比对 ${matches.length} 项在效政策` : '正在比对在效政策…'}
        </Text>
      </View>
      {error ? <ErrorState message={error} onRetry={load} /> : null}
      {!error && !matches ? <ListSkeleton /> : null}
      {matches && missing.length > 0 ? <ProfileForm missing={missing} onSaved={load} /> : null}
      {matches && matches.length === 0 ? <EmptyState title="暂无在效政策" /> : null}
      {matches ? <SubscribeButton /> : null}
      {matches?.slice(0, shown).map((match) => <MatchCard key={match.policy.id} match={match} />)}
      {matches && matches.length > shown ? (
        <View className="yst-list-footer yst-link" ariaRole="button" onClick={() => setShown((n) => n + PAGE)}>
          显示更多（已显示 {shown}/{matches.length}）
        </View>
      ) : null}
    </Page>
  );
}
