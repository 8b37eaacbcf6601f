import { useState } from 'react';
import { Input } from '@nutui/nutui-react-taro';
import { Button, Text, View } from '@tarojs/components';
import { MOBILE_PATTERN } from '@contract/delivery-rules';
import { canGetPhoneNumber } from '@/lib/wx/phone';
import { showErrorToast } from '@/lib/wx/ui';
import { errorMessage } from '@/lib/api/api-error';
import { bindPhone } from './api';
import { normalisePhone, type PhoneInput } from './booking-model';
import { FieldError } from './choice';

interface PhoneFieldProps {
  value: PhoneInput;
  /** The number this user already authorised with WeChat, masked (138****1234), if any. */
  accountMasked: string | null;
  error?: string;
  onChange: (value: PhoneInput) => void;
}

const MOBILE = new RegExp(MOBILE_PATTERN);

type PhoneNumberEvent = { detail: { code?: string; errMsg?: string } };

/** WeChat's getPhoneNumber button (the code goes to the server, which keeps the number), or typed. */
function WechatPhoneButton({ onMasked }: { onMasked: (masked: string) => void }) {
  const [busy, setBusy] = useState(false);
  const onGetPhoneNumber = async (event: PhoneNumberEvent) => {
    const code = event.detail.code;
    if (!code) return; // Declined: the user types the number instead.
    setBusy(true);
    try {
      const { user } = await bindPhone(code);
      if (user.phoneMasked) onMasked(user.phoneMasked);
    } catch (error) {
      showErrorToast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button className="yst-inline-button" size="mini" openType="getPhoneNumber" loading={busy} onGetPhoneNumber={(e) => void onGetPhoneNumber(e as PhoneNumberEvent)}>
      使用微信手机号
    </Button>
  );
}

export function PhoneField({ value, accountMasked, error, onChange }: PhoneFieldProps) {
  const [touched, setTouched] = useState(false);
  if (value.source === 'account') {
    return (
      <View>
        <Text className="yst-field__value">{value.masked}（微信授权）</Text>
        <Text className="yst-link" onClick={() => onChange({ source: 'typed', value: '' })}>
          改为手动填写
        </Text>
        <FieldError message={error} testId="phone-error" />
      </View>
    );
  }
  const typed = normalisePhone(value.value);
  const local = touched && typed !== '' && !MOBILE.test(typed) ? '联系电话：请填写11位中国大陆手机号' : undefined;
  return (
    <View>
      <Input
        name="phone"
        type="tel"
        value={value.value}
        placeholder="11位手机号"
        maxLength={20}
        onChange={(v: string) => onChange({ source: 'typed', value: v })}
        onBlur={() => setTouched(true)}
      />
      <FieldError message={error ?? local} testId="phone-error" />
      <View className="yst-field__extra">
        {canGetPhoneNumber() ? <WechatPhoneButton onMasked={(masked) => onChange({ source: 'account', masked })} /> : null}
        {accountMasked ? (
          <Text className="yst-link" onClick={() => onChange({ source: 'account', masked: accountMasked })}>
            使用已授权的 {accountMasked}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
