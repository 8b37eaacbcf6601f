import { Text, View } from '@tarojs/components';
import type { DeliverySummary } from '@contract/delivery';
import { itemsText } from './booking-review';
import { dayLabel } from '@/lib/china-time';
import { StatusTag } from './status-tag';

interface DeliveryCardProps {
  delivery: DeliverySummary;
  /** Staff see which enterprise booked; the enterprise knows. */
  showEnterprise?: boolean;
  onOpen: () => void;
}

/** One booking in a list: never the full phone number or address. */
export function DeliveryCard({ delivery, showEnterprise = false, onOpen }: DeliveryCardProps) {
  return (
    <View className="yst-card yst-delivery-card" ariaRole="button" ariaLabel={`${delivery.statusLabel} ${itemsText(delivery.items)}`} onClick={onOpen} data-testid="delivery-card">
      <View className="yst-delivery-card__head">
        <Text className="yst-delivery-card__when">
          {dayLabel(delivery.date)} {delivery.period} · {delivery.mode}
        </Text>
        <StatusTag status={delivery.status} label={delivery.statusLabel} />
      </View>
      {showEnterprise ? <Text className="yst-delivery-card__line yst-delivery-card__strong">{delivery.enterprise.name}</Text> : null}
      <Text className="yst-delivery-card__line">{itemsText(delivery.items)}</Text>
      <Text className="yst-delivery-card__line yst-delivery-card__muted">
        {delivery.recipientName} {delivery.phoneMasked}
        {delivery.addressMasked ? ` · ${delivery.addressMasked}` : ''}
      </Text>
      {delivery.trackingNo ? <Text className="yst-delivery-card__line yst-delivery-card__muted">快递单号 {delivery.trackingNo}</Text> : null}
      {delivery.ratable ? <Text className="yst-delivery-card__line yst-link">{delivery.statusLabel}，去评价 ›</Text> : null}
      {delivery.ratedAt ? <Text className="yst-delivery-card__line yst-delivery-card__muted">已评价 · 感谢您的反馈</Text> : null}
    </View>
  );
}
