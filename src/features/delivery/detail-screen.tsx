import { useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { Page } from '@/components/page';
import { chinaDateTime } from '@/lib/china-time';
import { useResource } from '@/lib/use-resource';
import { fetchDelivery, type Delivery } from './api';
import { CancelPanel } from './cancel-panel';
import { DeliveryFacts } from './delivery-facts';
import { EnterpriseGate } from './enterprise-gate';
import { onDeliveryRated } from './rated-signal';
import { ReschedulePanel } from './reschedule-panel';
import { deliverySurveyUrl } from './survey-link';
import { Timeline } from './timeline';
import './delivery.scss';

function Rating({ delivery }: { delivery: Delivery }) {
  if (delivery.ratedAt) {
    return (
      <View className="yst-delivery-rated" ariaRole="status" data-testid="delivery-rated">
        <Text className="yst-delivery-rated__title">已评价 · 感谢您的反馈</Text>
        <Text className="yst-delivery-rated__time">评价于 {chinaDateTime(delivery.ratedAt)}</Text>
      </View>
    );
  }
  if (!delivery.ratable) return null;
  return (
    <Button type="primary" block onClick={() => void Taro.navigateTo({ url: deliverySurveyUrl(delivery) })}>
      去评价
    </Button>
  );
}

export function DeliveryDetail({ id }: { id: number }) {
  const { data: delivery, error, reload, set: setDelivery } = useResource(String(id), () => fetchDelivery(id));
  // The page stays under the survey and under staff changes: back on it, show what is true now.
  useDidShow(() => {
    if (delivery) reload();
  });
  useEffect(
    () =>
      onDeliveryRated((rated) => {
        if (rated === id) reload();
      }),
    [id, reload],
  );
  if (error || !delivery) return <LoadState error={error} onRetry={reload} />;
  return (
    <View>
      <DeliveryFacts delivery={delivery} />
      <View className="yst-card">
        <Text className="yst-card__title">办理进度</Text>
        <Timeline delivery={delivery} />
      </View>
      {delivery.status === 'failed' ? <Text className="yst-note">递送未成功，您可以改约新的时间，工作人员将重新安排。</Text> : null}
      {delivery.reschedulable ? <ReschedulePanel id={delivery.id} onRescheduled={setDelivery} /> : null}
      <View className="yst-actions">
        <Rating delivery={delivery} />
        {delivery.cancellable ? <CancelPanel id={delivery.id} mode={delivery.mode} onCancelled={setDelivery} /> : null}
      </View>
      {delivery.status === 'dispatched' ? <Text className="yst-note">证照已在配送途中，不能取消；如有疑问请联系区政务服务中心。</Text> : null}
    </View>
  );
}

export function DetailScreen({ id }: { id: number }) {
  return (
    <Page title="递送详情">
      <EnterpriseGate>{Number.isInteger(id) && id > 0 ? <DeliveryDetail id={id} /> : <Text className="yst-note">未找到该递送预约</Text>}</EnterpriseGate>
    </Page>
  );
}
