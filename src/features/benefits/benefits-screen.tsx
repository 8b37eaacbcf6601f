import Taro, { useReachBottom } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Benefit } from '@contract/benefit';
import { Page } from '@/components/page';
import { useMe } from '@/features/auth/use-me';
import { EmptyState, ErrorState, ListFooter, ListSkeleton } from '@/components/list-states';
import { chinaDateTime } from '@/lib/china-time';
import { BENEFIT_DETAIL_PAGE } from '@/features/policies/routes';
import { usePagedList } from '@/lib/use-paged-list';
import { useOnReturn } from '@/lib/use-on-return';
import { fetchMyBenefits } from './api';
import { BenefitStatusTag } from './benefit-status-tag';
import { yuan } from './money';
import '../policies/policies.scss';

function BenefitRow({ benefit }: { benefit: Benefit }) {
  const amount = benefit.paidAmountYuan ?? benefit.amountYuan;
  return (
    <View
      className="yst-card"
      ariaRole="link"
      ariaLabel={benefit.policy.title}
      data-testid="benefit-row"
      onClick={() => void Taro.navigateTo({ url: `${BENEFIT_DETAIL_PAGE}?id=${benefit.id}` })}
    >
      <Text className="yst-policy-card__title">{benefit.policy.title}</Text>
      <View className="yst-tags">
        <BenefitStatusTag status={benefit.status} />
        {amount !== null ? <Text className="yst-policy-card__meta">{yuan(amount)}</Text> : null}
      </View>
      <Text className="yst-policy-card__meta">
        {benefit.policy.department} · 更新于 {chinaDateTime(benefit.updatedAt)}
      </Text>
      {benefit.status === 'publicized' ? <Text className="yst-field__error">公示中，请核对后确认或提出异议</Text> : null}
    </View>
  );
}

function BenefitList() {
  const list = usePagedList<Benefit>('me', fetchMyBenefits);
  useReachBottom(() => list.loadMore());
  // Back from a record just confirmed or objected to: the list must show its new status.
  useOnReturn(list.reload);
  if (list.status === 'loading') return <ListSkeleton />;
  if (list.status === 'error') return <ErrorState message={list.error ?? ''} onRetry={list.reload} />;
  if (list.items.length === 0) {
    return <EmptyState title="暂无享受记录" description="部门为您的企业绑定“免申即享”政策后，会在这里公示并兑现" />;
  }
  return (
    <View>
      {list.items.map((benefit) => (
        <BenefitRow key={benefit.id} benefit={benefit} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}

/** 我的享受: the enterprise's 免申即享 records from matching to payment. */
export function BenefitsScreen() {
  const session = useMe();
  if (!session.token || session.enterprise === null) {
    return (
      <Page title="我的享受">
        <EmptyState title="请先绑定企业" description="绑定企业后可查看本企业享受的政策与兑现进度" />
        <View className="yst-actions">
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
            去绑定企业
          </Button>
        </View>
      </Page>
    );
  }
  return (
    <Page title="我的享受">
      {session.enterprise ? <BenefitList /> : <ListSkeleton />}
    </Page>
  );
}
