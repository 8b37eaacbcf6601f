import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { errorMessage } from '@/lib/api/api-error';
import { confirm, showSuccessToast } from '@/lib/wx/ui';
import { cancelDelivery, type Delivery } from './api';
import { Choice, FieldError } from './choice';

const REASONS = ['计划有变，暂不需要', '改为到窗口自取', '预约信息填写有误'];

/** Only offered while the server says the booking is cancellable (before dispatch). */
export function CancelPanel({ id, onCancelled }: { id: number; onCancelled: (d: Delivery) => void }) {
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
    if (!(await confirm('取消预约', '取消后该时段名额将释放，确定取消吗？', '确定取消'))) return;
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
        {REASONS.map((r) => (
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
