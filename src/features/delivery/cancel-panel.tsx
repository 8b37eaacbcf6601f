import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { errorMessage } from '@/lib/api/api-error';
import { confirm, showSuccessToast } from '@/lib/wx/ui';
import { cancelDelivery, type Delivery } from './api';
import { Choice, FieldError } from './choice';

const REASONS = ['计划有变，暂不需要', '改为到窗口自取', '预约信息填写有误'];
const TO_PICKUP = '改为到窗口自取';

/** A 自取 booking is already for collection at the window: changing to it is no reason to cancel. */
export function cancelReasons(mode: string): string[] {
  return mode === '自取' ? REASONS.filter((r) => r !== TO_PICKUP) : REASONS;
}

/**
 * The last word before cancelling. Both buttons say what they do: a plain 取消 beside 确定取消 read as
 * “cancel the booking” too. WeChat allows at most four characters per button, hence 取消预约, not 确定取消预约.
 */
function confirmCancel(): Promise<boolean> {
  return confirm('取消预约', '取消后该时段名额将释放，预约不能恢复。', '取消预约', '再想想');
}

/** Only offered while the server says the booking is cancellable (before dispatch). */
export function CancelPanel({ id, mode, onCancelled }: { id: number; mode: string; onCancelled: (d: Delivery) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const text = reason.trim();
    if (!text) {
      setError('取消原因：请填写取消原因');
      return;
    }
    if (!(await confirmCancel())) return;
    setBusy(true);
    try {
      const updated = await cancelDelivery(id, text);
      showSuccessToast('已取消');
      setOpen(false);
      onCancelled(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <Button block fill="outline" type="danger" onClick={() => setOpen(true)}>
        取消预约
      </Button>
    );
  }
  return (
    <View className="yst-field yst-panel">
      <Text className="yst-field__label">取消原因</Text>
      <View className="yst-choices">
        {cancelReasons(mode).map((r) => (
          <Choice key={r} label={r} checked={reason === r} onPick={() => (setReason(r), setError(undefined))} />
        ))}
      </View>
      <Input name="cancelReason" value={reason} placeholder="请填写取消原因" maxLength={200} onChange={(v: string) => (setReason(v), setError(undefined))} />
      <FieldError message={error} testId="cancel-error" />
      <View className="yst-actions">
        <Button block type="danger" loading={busy} onClick={() => void submit()}>
          确认取消
        </Button>
        <Button block disabled={busy} onClick={() => setOpen(false)}>
          暂不取消
        </Button>
      </View>
    </View>
  );
}
