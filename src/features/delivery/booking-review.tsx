import { Text, View } from '@tarojs/components';
import { DELIVERY_ITEM_KINDS } from '@contract/delivery-rules';
import { Row } from '@/components/row';
import { needsAddress, normalisePhone, type BookingDraft } from './booking-model';
import { dayLabel } from '@/lib/china-time';

export function itemsText(items: { kind: string; quantity: number; description?: string }[]): string {
  return items.map((i) => `${i.kind}${i.description ? `（${i.description}）` : ''} ×${i.quantity}`).join('，');
}

/** What will be sent, read back before the user commits. */
export function BookingReview({ draft }: { draft: BookingDraft }) {
  const items = DELIVERY_ITEM_KINDS.filter((k) => draft.quantities[k] !== undefined).map((kind) => ({
    kind,
    quantity: draft.quantities[kind] ?? 1,
    description: kind === '其他' ? draft.otherDescription.trim() : undefined,
  }));
  const phone = draft.phone.source === 'account' ? `${draft.phone.masked}（微信授权）` : normalisePhone(draft.phone.value);
  return (
    <View className="yst-card" data-testid="booking-review">
      <Text className="yst-card__title">请核对预约信息</Text>
      <Row label="递送证照" value={itemsText(items)} />
      <Row label="递送方式" value={draft.mode ?? ''} />
      <Row label="收件人" value={draft.recipientName.trim()} />
      <Row label="联系电话" value={phone} />
      {needsAddress(draft.mode) ? <Row label="收件地址" value={`${draft.region.join('')} ${draft.detail.trim()}`} /> : <Row label="领取地点" value="区政务服务中心 证照领取窗口" />}
      <Row label="预约时间" value={draft.date ? `${dayLabel(draft.date)} ${draft.period ?? ''}` : ''} />
      {draft.remark.trim() ? <Row label="备注" value={draft.remark.trim()} /> : null}
    </View>
  );
}
