import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { Page } from '@/components/page';
import { useResource } from '@/lib/use-resource';
import { fetchDelivery } from './api';
import { CancelPanel } from './cancel-panel';
import { DeliveryFacts } from './delivery-facts';
import { EnterpriseGate } from './enterprise-gate';
import { ReschedulePanel } from './reschedule-panel';
import { SURVEY_PAGE } from './routes';
import { Timeline } from './timeline';
import './delivery.scss';

export function DeliveryDetail({ id }: { id: number }) {
  const { data: delivery, error, reload, set: setDelivery } = useResource(String(id), () => fetchDelivery(id));
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
        {delivery.ratable ? (
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: `${SURVEY_PAGE}?deliveryId=${delivery.id}` })}>
            去评价
          </Button>
        ) : null}
        {delivery.cancellable ? <CancelPanel id={delivery.id} onCancelled={setDelivery} /> : null}
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
