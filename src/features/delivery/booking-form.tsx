import { useRef, useState, type ReactNode } from 'react';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { DELIVERY_MODES, type DeliveryMode } from '@contract/delivery-rules';
import { ApiError, errorMessage } from '@/lib/api/api-error';
import { createSubmission } from '@/lib/api/client';
import type { PickedAddress } from '@/lib/wx/address';
import { showErrorToast } from '@/lib/wx/ui';
import { createDelivery } from './api';
import { checkDraft, emptyDraft, fieldOfPath, needsAddress, normalisePhone, toRequest, type BookingDraft, type FieldErrors, type FormField } from './booking-model';
import { BookingReview } from './booking-review';
import { AddressField } from './address-field';
import { Choice, FieldError } from './choice';
import { ItemPicker } from './item-picker';
import { PhoneField } from './phone-field';
import { SlotPicker } from './slot-picker';
import { askForProgressNotices, useDeliveryTemplateId } from './subscribe';
import { useSlots } from './use-slots';

const MODE_HINTS: Record<DeliveryMode, string> = {
  送达: '工作人员将证照送到您填写的地址',
  取送: '工作人员上门取件，办结后送回原地址',
  自取: '到区政务服务中心证照领取窗口自取，无需填写地址',
};

// Which inputs a change touches, so their old errors disappear as the user fixes them.
const FIELDS_OF: Partial<Record<keyof BookingDraft, FormField>> = {
  quantities: 'items',
  otherDescription: 'items',
  mode: 'mode',
  recipientName: 'recipientName',
  phone: 'phone',
  region: 'region',
  detail: 'detail',
  date: 'slot',
  period: 'slot',
  remark: 'remark',
};

interface BookingFormProps {
  /** The WeChat-authorised number of this user, masked, if any. */
  accountMasked: string | null;
  onBooked: (id: number) => void;
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="yst-field">
      <Text className="yst-field__label">{label}</Text>
      {children}
    </View>
  );
}

export function BookingForm({ accountMasked, onBooked }: BookingFormProps) {
  const [draft, setDraft] = useState<BookingDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const [submitting, setSubmitting] = useState(false);
  const submission = useRef(createSubmission()).current;
  const templateId = useDeliveryTemplateId();
  const { slots, error: slotsError, reload } = useSlots();

  const change = (patch: Partial<BookingDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    const cleared = Object.keys(patch).map((k) => FIELDS_OF[k as keyof BookingDraft]);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !cleared.includes(field as FormField))));
  };

  const usePicked = (picked: PickedAddress) => {
    const patch: Partial<BookingDraft> = { region: picked.region, detail: picked.detail };
    if (!draft.recipientName.trim()) patch.recipientName = picked.contactName;
    if (draft.phone.source === 'typed' && !draft.phone.value.trim()) patch.phone = { source: 'typed', value: normalisePhone(picked.contactPhone) };
    change(patch);
  };

  const review = () => {
    const problem = checkDraft(draft);
    if (problem) {
      setErrors({ [problem.field]: problem.message });
      showErrorToast(problem.message);
      return;
    }
    setStep('review');
  };

  const rejected = async (error: unknown) => {
    if (error instanceof ApiError && error.code === 'SLOT_FULL') {
      setDraft((d) => ({ ...d, period: null }));
      setErrors({ slot: `${error.message}（余量已刷新）` });
      setStep('edit');
      await reload();
      return;
    }
    const field = error instanceof ApiError ? fieldOfPath(error.field) : null;
    if (field) {
      setErrors({ [field]: error instanceof ApiError ? error.message : errorMessage(error) });
      setStep('edit');
    }
    showErrorToast(errorMessage(error));
  };

  const submit = async () => {
    if (submitting) return;
    // First, straight from the tap: WeChat shows the subscribe dialog only then.
    const asked = askForProgressNotices(templateId);
    setSubmitting(true);
    try {
      await asked;
      const body = toRequest(draft);
      const created = await createDelivery(body, submission.keyFor(body));
      submission.reset();
      onBooked(created.id);
    } catch (error) {
      await rejected(error);
    } finally {
      setSubmitting(false);
    }
  };

  if (step === 'review') {
    return (
      <View>
        <BookingReview draft={draft} />
        <Text className="yst-note">提交后可在“我的预约”查看进度，每次状态变化会通过微信通知您。</Text>
        <View className="yst-actions">
          <Button type="primary" block loading={submitting} onClick={() => void submit()}>
            确认提交
          </Button>
          <Button block disabled={submitting} onClick={() => setStep('edit')}>
            返回修改
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="yst-booking">
      <Section label="递送证照">
        <ItemPicker
          quantities={draft.quantities}
          otherDescription={draft.otherDescription}
          onQuantities={(quantities) => change({ quantities })}
          onOtherDescription={(otherDescription) => change({ otherDescription })}
        />
        <FieldError message={errors.items} testId="items-error" />
      </Section>
      <Section label="递送方式">
        <View className="yst-choices">
          {DELIVERY_MODES.map((mode) => (
            <Choice key={mode} label={mode} checked={draft.mode === mode} onPick={() => change({ mode })} />
          ))}
        </View>
        {draft.mode ? <Text className="yst-field__hint">{MODE_HINTS[draft.mode]}</Text> : null}
        <FieldError message={errors.mode} testId="mode-error" />
      </Section>
      <Section label="收件人">
        <Input name="recipientName" value={draft.recipientName} placeholder="收件人姓名" maxLength={30} onChange={(recipientName: string) => change({ recipientName })} />
        <FieldError message={errors.recipientName} testId="recipientName-error" />
      </Section>
      <Section label="联系电话">
        <PhoneField value={draft.phone} accountMasked={accountMasked} error={errors.phone} onChange={(phone) => change({ phone })} />
      </Section>
      {needsAddress(draft.mode) ? (
        <Section label="收件地址">
          <AddressField
            region={draft.region}
            detail={draft.detail}
            regionError={errors.region}
            detailError={errors.detail}
            onRegion={(region) => change({ region })}
            onDetail={(detail) => change({ detail })}
            onPicked={usePicked}
          />
        </Section>
      ) : null}
      <Section label="预约时间">
        <SlotPicker slots={slots} loadError={slotsError} date={draft.date} period={draft.period} onPick={(date, period) => change({ date, period })} />
        <FieldError message={errors.slot} testId="slot-error" />
      </Section>
      <Section label="备注（选填）">
        <TextArea value={draft.remark} placeholder="如 需要开具收据、到楼下电话联系" maxLength={200} onChange={(remark: string) => change({ remark })} />
      </Section>
      <View className="yst-actions">
        <Button type="primary" block onClick={review}>
          下一步：核对信息
        </Button>
      </View>
    </View>
  );
}
