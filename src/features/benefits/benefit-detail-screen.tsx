import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Benefit } from '@contract/benefit';
import { Page } from '@/components/page';
import { errorMessage } from '@/lib/api/api-error';
import { createSubmission } from '@/lib/api/client';
import { confirm, showErrorToast, showSuccessToast } from '@/lib/wx/ui';
import { ErrorState, ListSkeleton } from '@/components/list-states';
import { BENEFITS_PAGE, MESSAGE_PAGE } from '@/features/policies/routes';
import { NotFoundState, isMissing } from '@/features/policies/not-found';
import { chinaDate } from '@/lib/china-time';
import { Row } from '@/components/row';
import { useResource } from '@/lib/use-resource';
import { confirmBenefit, fetchBenefit, objectToBenefit } from './api';
import { BenefitStatusTag } from './benefit-status-tag';
import { BenefitTimeline } from './benefit-timeline';
import { yuan } from './money';
import '../policies/policies.scss';

/** 确认 / 提出异议: only while the record is in 公示. */
function PublicityActions({ benefit, onChanged }: { benefit: Benefit; onChanged: (b: Benefit) => void }) {
  const [objecting, setObjecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmation = useRef(createSubmission()).current;
  const objection = useRef(createSubmission()).current;

  const doConfirm = async () => {
    if (!(await confirm('确认公示内容', '确认依据、所用数据和金额无误后，部门将为您办理兑现。', '确认无误'))) return;
    setBusy(true);
    try {
      const next = await confirmBenefit(benefit.id, confirmation.keyFor({ id: benefit.id }));
      confirmation.reset();
      showSuccessToast('已确认');
      onChanged(next);
    } catch (cause) {
      showErrorToast(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const doObject = async () => {
    const text = reason.trim();
    if (text.length < 2) {
      setError('请写明异议理由（至少2个字）');
      return;
    }
    setBusy(true);
    try {
      const next = await objectToBenefit(benefit.id, text, objection.keyFor({ id: benefit.id, text }));
      objection.reset();
      showSuccessToast('异议已提交');
      onChanged(next);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  if (objecting) {
    return (
      <View className="yst-field" data-testid="objection-form">
        <Text className="yst-field__label">异议理由</Text>
        <TextArea
          value={reason}
          placeholder="请说明哪项内容有误，如：金额应按12名员工计算"
          maxLength={500}
          showCount
          onChange={(value: string) => {
            setReason(value);
            setError(null);
          }}
        />
        {error ? <Text className="yst-field__error">{error}</Text> : null}
        <View className="yst-actions">
          <Button type="primary" block loading={busy} onClick={() => void doObject()}>
            提交异议
          </Button>
          <Button block onClick={() => setObjecting(false)}>
            取消
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className="yst-actions">
      <Button type="primary" block loading={busy} onClick={() => void doConfirm()}>
        确认无误
      </Button>
      <Button block fill="outline" type="danger" onClick={() => setObjecting(true)}>
        提出异议
      </Button>
    </View>
  );
}

/** Links to no record (bad id, someone else's, deleted) are told apart from failed loads: only those retry. */
function useBenefit(id: number) {
  const [missing, setMissing] = useState(id < 1);
  const resource = useResource(String(id), () =>
    id < 1
      ? new Promise<Benefit>(() => undefined)
      : fetchBenefit(id).catch((cause: unknown) => {
          setMissing(isMissing(cause));
          throw cause;
        }),
  );
  return { ...resource, missing };
}

export function BenefitDetailScreen({ id }: { id: number }) {
  const { data: benefit, error, missing, reload, set: setBenefit } = useBenefit(id);

  if (missing) {
    return (
      <Page title="享受详情">
        <NotFoundState
          title="未找到该记录"
          description="链接可能有误，或该记录不属于您绑定的企业。可在“我的享受”中查看本企业的记录。"
          back="查看我的享受"
          onBack={() => void Taro.redirectTo({ url: BENEFITS_PAGE })}
        />
      </Page>
    );
  }
  if (error) {
    return (
      <Page title="享受详情">
        <ErrorState message={error} onRetry={reload} />
      </Page>
    );
  }
  if (!benefit) {
    return (
      <Page title="享受详情">
        <ListSkeleton rows={2} />
      </Page>
    );
  }

  const shownPublicity = benefit.basis !== null || benefit.amountYuan !== null;
  return (
    <Page title="享受详情">
      <View className="yst-card">
        <Text className="yst-card__title">{benefit.policy.title}</Text>
        <View className="yst-tags">
          <BenefitStatusTag status={benefit.status} />
        </View>
        <Row label="兑现部门" value={benefit.policy.department} />
        <Row label="享受企业" value={benefit.enterprise.name} />
      </View>
      {shownPublicity ? (
        <View className="yst-card" data-testid="publicity">
          <Text className="yst-card__title">公示内容</Text>
          <Row label="享受依据" value={benefit.basis ?? '—'} />
          <Row label="所用数据" value={benefit.dataUsed ?? '—'} />
          <Row label="拟兑现金额" value={yuan(benefit.amountYuan)} />
          {benefit.objection ? <Row label="您的异议" value={benefit.objection} /> : null}
          {benefit.paidAmountYuan !== null ? <Row label="实际兑现" value={yuan(benefit.paidAmountYuan)} /> : null}
          {benefit.paidOn ? <Row label="兑现日期" value={chinaDate(benefit.paidOn)} /> : null}
        </View>
      ) : (
        <Text className="yst-note">部门核实后将在此公示享受依据、所用数据和金额，请留意。</Text>
      )}
      {benefit.status === 'publicized' ? <PublicityActions benefit={benefit} onChanged={setBenefit} /> : null}
      {benefit.status === 'objected' ? <Text className="yst-note">异议已提交，部门核实后将重新公示。</Text> : null}
      <View className="yst-card">
        <Text className="yst-card__title">办理经过</Text>
        <BenefitTimeline history={benefit.history} />
      </View>
      <View className="yst-actions">
        <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: `${MESSAGE_PAGE}?benefitId=${benefit.id}` })}>
          留言咨询
        </Button>
      </View>
    </Page>
  );
}
