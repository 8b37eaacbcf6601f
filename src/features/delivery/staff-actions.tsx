import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { normaliseTrackingNo, TRACKING_NO_PATTERN } from '@contract/delivery-rules';
import { ApiError, errorMessage } from '@/lib/api/api-error';
import { showErrorToast, showSuccessToast } from '@/lib/wx/ui';
import { act, type Delivery, type StaffAction } from './api';
import { Choice, FieldError } from './choice';
import { HandoverProof } from './signature-field';

const FAIL_REASONS = ['收件人不在，电话无人接听', '地址有误，无法送达', '收件人拒收'];
const TRACKING = new RegExp(TRACKING_NO_PATTERN);

type Errors = Partial<Record<'trackingNo' | 'receiverName' | 'signature' | 'reason', string>>;

function useAction(id: number, onDone: (d: Delivery) => void) {
  const [busy, setBusy] = useState<StaffAction['action'] | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const run = async (step: StaffAction, done: string) => {
    setBusy(step.action);
    setErrors({});
    try {
      const updated = await act(id, step);
      showSuccessToast(done);
      onDone(updated);
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      if (field === 'trackingNo' || field === 'receiverName' || field === 'signature' || field === 'reason') setErrors({ [field]: errorMessage(e) });
      else showErrorToast(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return { busy, errors, setErrors, run };
}

function FailForm({ busy, error, onFail }: { busy: boolean; error?: string; onFail: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <View className="yst-field yst-panel">
      <Text className="yst-field__label">登记递送失败</Text>
      <View className="yst-choices">
        {FAIL_REASONS.map((r) => (
          <Choice key={r} label={r} checked={reason === r} onPick={() => setReason(r)} />
        ))}
      </View>
      <Input name="failReason" value={reason} placeholder="失败原因" maxLength={200} onChange={setReason} />
      <FieldError message={error} testId="reason-error" />
      <View className="yst-actions">
        <Button block type="danger" fill="outline" loading={busy} onClick={() => onFail(reason.trim())}>
          登记失败
        </Button>
      </View>
    </View>
  );
}

/** What the handling staff can do next, given the status and mode the server reports. */
export function StaffActions({ delivery, onChanged }: { delivery: Delivery; onChanged: (d: Delivery) => void }) {
  const { busy, errors, setErrors, run } = useAction(delivery.id, onChanged);
  const [trackingNo, setTrackingNo] = useState('');
  const [receiverName, setReceiverName] = useState(delivery.recipientName);
  const [proof, setProof] = useState('');
  const pickup = delivery.mode === '自取';
  const canHandOver = delivery.status === 'dispatched' || (pickup && delivery.status === 'accepted');
  // Whatever the user fixes, its complaint goes: a stale error beside a confirmed signature reads as a failure.
  const edit =
    <T,>(field: keyof Errors, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
    };

  const dispatch = () => {
    const value = normaliseTrackingNo(trackingNo);
    if (!TRACKING.test(value)) return setErrors({ trackingNo: '快递单号：请填写字母、数字或短横线组成的单号，不超过40位' });
    void run({ action: 'dispatch', trackingNo: value }, '已派送');
  };
  const deliver = () => {
    if (!receiverName.trim()) return setErrors({ receiverName: '签收人：请填写签收人姓名' });
    if (!proof) return setErrors({ signature: '签收凭证：请签收人在框内签名，或拍照留存' });
    void run({ action: 'deliver', receiverName: receiverName.trim(), signature: proof }, '已登记送达');
  };
  const fail = (reason: string) => {
    if (!reason) return setErrors({ reason: '失败原因：请填写失败原因' });
    void run({ action: 'fail', reason }, '已登记失败');
  };

  if (delivery.status === 'submitted') {
    return (
      <View className="yst-actions">
        <Button type="primary" block loading={busy === 'accept'} onClick={() => void run({ action: 'accept' }, '已受理')}>
          受理
        </Button>
      </View>
    );
  }
  if (delivery.status === 'accepted' && !pickup) {
    return (
      <View className="yst-field yst-panel">
        <Text className="yst-field__label">派送</Text>
        <Input name="trackingNo" value={trackingNo} placeholder="快递单号" maxLength={60} onChange={edit('trackingNo', setTrackingNo)} />
        <Text className="yst-field__hint">空格可不删，提交时自动去掉并转为大写</Text>
        <FieldError message={errors.trackingNo} testId="tracking-error" />
        <View className="yst-actions">
          <Button type="primary" block loading={busy === 'dispatch'} onClick={dispatch}>
            派送
          </Button>
        </View>
      </View>
    );
  }
  if (!canHandOver) return null;
  return (
    <View>
      <View className="yst-field yst-panel">
        <Text className="yst-field__label">{pickup ? '窗口交付' : '登记送达'}</Text>
        {/* A placeholder vanishes once the name is prefilled: the label stays, and screen readers say it. */}
        <Text className="yst-field__hint">签收人姓名</Text>
        <Input name="receiverName" value={receiverName} placeholder="签收人姓名" maxLength={30} ariaLabel="签收人姓名" onChange={edit('receiverName', setReceiverName)} />
        <FieldError message={errors.receiverName} testId="receiver-error" />
        <HandoverProof value={proof} onChange={edit('signature', setProof)} />
        <FieldError message={errors.signature} testId="signature-error" />
        <View className="yst-actions">
          <Button type="primary" block loading={busy === 'deliver'} onClick={deliver}>
            确认送达
          </Button>
        </View>
      </View>
      <FailForm busy={busy === 'fail'} error={errors.reason} onFail={fail} />
    </View>
  );
}
