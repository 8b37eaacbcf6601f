import { useState } from 'react';
import { Cascader, Input } from '@nutui/nutui-react-taro';
import { Button, Text, View } from '@tarojs/components';
import { canChooseAddress, chooseWechatAddress, type PickedAddress } from '@/lib/wx/address';
import { showErrorToast } from '@/lib/wx/ui';
import { errorMessage } from '@/lib/api/api-error';
import { FieldError } from './choice';
import { REGIONS } from './regions';

interface AddressFieldProps {
  region: string[];
  detail: string;
  regionError?: string;
  detailError?: string;
  onRegion: (region: string[]) => void;
  onDetail: (detail: string) => void;
  /** WeChat's address book also gives a name and phone; the form may use them. */
  onPicked: (picked: PickedAddress) => void;
}

function WechatAddressButton({ onPicked }: { onPicked: (picked: PickedAddress) => void }) {
  const pick = async () => {
    try {
      const picked = await chooseWechatAddress();
      if (picked) onPicked(picked);
    } catch (error) {
      showErrorToast(errorMessage(error));
    }
  };
  return (
    <Button className="yst-inline-button" size="mini" onClick={() => void pick()}>
      从微信地址选择
    </Button>
  );
}

export function AddressField({ region, detail, regionError, detailError, onRegion, onDetail, onPicked }: AddressFieldProps) {
  const [open, setOpen] = useState(false);
  return (
    <View>
      {canChooseAddress ? <WechatAddressButton onPicked={onPicked} /> : null}
      <View className="yst-picker-row" ariaRole="button" ariaLabel="选择所在地区" onClick={() => setOpen(true)}>
        <Text className="yst-picker-row__label">所在地区</Text>
        <Text className={region.length ? 'yst-picker-row__value' : 'yst-picker-row__placeholder'}>
          {region.length ? region.join(' ') : '请选择省 / 市 / 区'}
        </Text>
      </View>
      <FieldError message={regionError} testId="region-error" />
      <Input name="detail" value={detail} placeholder="街道、门牌号，如 茗溪路88号2楼" maxLength={100} onChange={onDetail} />
      <FieldError message={detailError} testId="detail-error" />
      {open ? (
        <Cascader
          visible
          title="选择所在地区"
          options={REGIONS}
          value={region}
          onChange={(value) => onRegion(value.map(String))}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </View>
  );
}
