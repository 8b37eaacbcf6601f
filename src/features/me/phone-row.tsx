import { useState, type ReactNode } from 'react';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Button, Text } from '@tarojs/components';
import type { User } from '@contract/auth';
import { fetchMe } from '@/features/auth/api';
import { sessionStore } from '@/features/auth/session-store';
import { bindPhone } from '@/features/delivery/api';
import { errorMessage } from '@/lib/api/api-error';
import { canGetPhoneNumber } from '@/lib/wx/phone';
import { showErrorToast, showSuccessToast } from '@/lib/wx/ui';

type PhoneNumberEvent = { detail: { code?: string; errMsg?: string } };

/** The server answers with the user as it is now (masked number only); every screen reading the session follows. */
function keepUser(user: User): void {
  const { enterprise } = sessionStore.get();
  if (enterprise === undefined) void fetchMe().catch(() => undefined);
  else sessionStore.setMe(user, enterprise);
}

/**
 * WeChat's getPhoneNumber button. WeChat asks for privacy consent first when needed; the popup for that
 * is the one every <Page> hosts, so nothing here handles it.
 */
function BindPhoneButton() {
  const [busy, setBusy] = useState(false);
  const onGetPhoneNumber = async (event: PhoneNumberEvent) => {
    const code = event.detail.code;
    if (!code) return; // Declined: nothing changes, the button stays for later.
    setBusy(true);
    try {
      const { user } = await bindPhone(code);
      keepUser(user);
      showSuccessToast('手机号已绑定');
    } catch (error) {
      showErrorToast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      className="yst-inline-button"
      size="mini"
      type="primary"
      openType="getPhoneNumber"
      loading={busy}
      disabled={busy}
      onGetPhoneNumber={(e) => void onGetPhoneNumber(e as PhoneNumberEvent)}
    >
      绑定手机号
    </Button>
  );
}

/**
 * 手机号 on 我的: the number authorised with WeChat (masked), or the way to authorise one. Where WeChat's
 * button does not exist (H5), the number is typed when booking a 证照递送, as the booking form asks.
 */
export function PhoneRow({ user }: { user: User }) {
  let description: string | undefined;
  let extra: ReactNode;
  if (user.phoneMasked) {
    extra = <Text data-testid="phone-masked">{user.phoneMasked}</Text>;
  } else if (canGetPhoneNumber()) {
    description = '授权后，预约证照递送时可直接使用';
    extra = <BindPhoneButton />;
  } else {
    description = '预约证照递送时填写联系电话';
    extra = <Text>未绑定</Text>;
  }
  return (
    <CellGroup title="账号">
      {/* yst-cell--switch: the extra takes only its own width, so the description does not wrap early. */}
      <Cell className="yst-cell--switch" title="手机号" description={description} extra={extra} />
    </CellGroup>
  );
}
