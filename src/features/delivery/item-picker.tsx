import { Input, InputNumber } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { DELIVERY_ITEM_KINDS, DELIVERY_MAX_QUANTITY, type DeliveryItemKind } from '@contract/delivery-rules';
import { Choice } from './choice';

interface ItemPickerProps {
  quantities: Partial<Record<DeliveryItemKind, number>>;
  otherDescription: string;
  onQuantities: (next: Partial<Record<DeliveryItemKind, number>>) => void;
  onOtherDescription: (value: string) => void;
}

export function ItemPicker({ quantities, otherDescription, onQuantities, onOtherDescription }: ItemPickerProps) {
  const toggle = (kind: DeliveryItemKind) => {
    const next = { ...quantities };
    if (next[kind] === undefined) next[kind] = 1;
    else delete next[kind];
    onQuantities(next);
  };
  const chosen = DELIVERY_ITEM_KINDS.filter((kind) => quantities[kind] !== undefined);
  return (
    <View>
      <View className="yst-choices">
        {DELIVERY_ITEM_KINDS.map((kind) => (
          <Choice key={kind} kind="checkbox" label={kind} checked={quantities[kind] !== undefined} onPick={() => toggle(kind)} />
        ))}
      </View>
      {chosen.map((kind) => (
        <View key={kind} className="yst-item-row">
          <Text className="yst-item-row__name">{kind}</Text>
          <InputNumber
            value={quantities[kind] ?? 1}
            min={1}
            max={DELIVERY_MAX_QUANTITY}
            onChange={(value) => onQuantities({ ...quantities, [kind]: Number(value) || 1 })}
          />
          <Text className="yst-item-row__unit">份</Text>
        </View>
      ))}
      {quantities['其他'] !== undefined ? (
        <Input
          name="otherDescription"
          value={otherDescription}
          placeholder="请写明“其他”是什么证照，如 食品经营许可证副本"
          maxLength={50}
          onChange={onOtherDescription}
        />
      ) : null}
    </View>
  );
}
