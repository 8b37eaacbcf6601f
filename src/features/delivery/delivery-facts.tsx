import { Image, Text, View } from '@tarojs/components';
import type { Delivery } from './api';
import { itemsText } from './booking-review';
import { chinaDateTime, dayLabel } from '@/lib/china-time';
import { StatusTag } from './status-tag';

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <View className="yst-row">
      <Text className="yst-row__label">{label}</Text>
      <Text className="yst-row__value">{value}</Text>
    </View>
  );
}

/** The booking's facts; phone and address are whatever the API sent (full only to those allowed). */
export function DeliveryFacts({ delivery, showEnterprise = false }: { delivery: Delivery; showEnterprise?: boolean }) {
  const address = delivery.address ? `${delivery.address.region.join('')} ${delivery.address.detail}` : delivery.addressMasked;
  return (
    <View className="yst-card">
      <View className="yst-delivery-card__head">
        <Text className="yst-card__title">
          {dayLabel(delivery.date)} {delivery.period}
        </Text>
        <StatusTag status={delivery.status} label={delivery.statusLabel} />
      </View>
      {showEnterprise ? <Row label="企业" value={delivery.enterprise.name} /> : null}
      <Row label="递送证照" value={itemsText(delivery.items)} />
      <Row label="递送方式" value={delivery.mode} />
      <Row label="收件人" value={delivery.recipientName} />
      <Row label="联系电话" value={delivery.phone || delivery.phoneMasked} />
      <Row label={delivery.mode === '自取' ? '领取地点' : '收件地址'} value={delivery.mode === '自取' ? '区政务服务中心 证照领取窗口' : address} />
      <Row label="快递单号" value={delivery.trackingNo} />
      <Row label="备注" value={delivery.remark} />
      <Row label="失败原因" value={delivery.failureReason} />
      <Row label="取消原因" value={delivery.cancelReason} />
      {delivery.handover ? (
        <View className="yst-handover">
          <Row label="签收人" value={delivery.handover.receiverName} />
          <Row label="签收时间" value={chinaDateTime(delivery.handover.at)} />
          <Row label="经办部门" value={delivery.handover.by} />
          <Image className="yst-handover__image" src={delivery.handover.signature} mode="aspectFit" ariaLabel="签收凭证" />
        </View>
      ) : null}
    </View>
  );
}
