import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { StaffGate } from '@/features/auth/staff-gate';
import { useResource } from '@/lib/use-resource';
import { fetchStaffDelivery } from './api';
import { DeliveryFacts } from './delivery-facts';
import { StaffActions } from './staff-actions';
import { Timeline } from './timeline';
import './delivery.scss';

function StaffDelivery({ id }: { id: number }) {
  const { data: delivery, error, reload, set: setDelivery } = useResource(String(id), () => fetchStaffDelivery(id));
  if (error || !delivery) return <LoadState error={error} onRetry={reload} />;
  return (
    <View>
      <DeliveryFacts delivery={delivery} showEnterprise />
      <Text className="yst-note">完整电话与地址仅用于本次递送，查看已记录。</Text>
      {/* Keyed by status so each step starts with an empty form. */}
      <StaffActions key={delivery.status} delivery={delivery} onChanged={setDelivery} />
      <View className="yst-card">
        <Text className="yst-card__title">办理进度</Text>
        <Timeline delivery={delivery} />
      </View>
    </View>
  );
}

export function StaffDetailScreen({ id }: { id: number }) {
  return (
    <StaffGate title="递送处理" roles={['staff', 'admin']}>
      {Number.isInteger(id) && id > 0 ? <StaffDelivery id={id} /> : <Text className="yst-note">未找到该递送预约</Text>}
    </StaffGate>
  );
}
