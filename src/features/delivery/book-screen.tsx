import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { useMe } from '@/features/auth/use-me';
import { showSuccessToast } from '@/lib/wx/ui';
import { BookingForm } from './booking-form';
import { EnterpriseGate } from './enterprise-gate';
import { DELIVERY_PAGES } from './routes';
import './delivery.scss';

export function BookScreen() {
  const session = useMe();
  const booked = (id: number) => {
    showSuccessToast('预约成功');
    void Taro.redirectTo({ url: `${DELIVERY_PAGES.detail}?id=${id}` });
  };
  return (
    <Page title="证照递送预约">
      <View className="yst-header">
        <Text className="yst-header__title">证照递送预约</Text>
        <Text className="yst-header__subtitle">营业执照、印章、许可证，工作日上门递送或窗口自取</Text>
      </View>
      <EnterpriseGate>
        <BookingForm accountMasked={session.user?.phoneMasked ?? null} onBooked={booked} />
      </EnterpriseGate>
    </Page>
  );
}
