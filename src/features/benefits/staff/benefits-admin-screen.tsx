import { useCallback, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Button, Input, SearchBar } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Benefit } from '@contract/benefit';
import { checkUscc } from '@contract/uscc';
import { errorMessage } from '@/lib/api/api-error';
import { createSubmission } from '@/lib/api/client';
import { showSuccessToast } from '@/lib/wx/ui';
import { EmptyState, ErrorState, ListFooter, ListSkeleton } from '@/components/list-states';
import { fetchAdminPolicies, type AdminPolicyItem } from '@/features/policies/staff/api';
import { useDebouncedValue } from '@/features/policies/use-debounced-value';
import { StaffGate } from '@/features/auth/staff-gate';
import { usePagedList } from '@/lib/use-paged-list';
import { useOnReturn } from '@/lib/use-on-return';
import { bindEnterprise, fetchAdminBenefits } from '../api';
import { BenefitStatusTag } from '../benefit-status-tag';
import { yuan } from '../money';
import { BenefitActions } from './benefit-actions';
import './import-warnings.scss';
import '../../policies/policies.scss';

type PolicyRef = Pick<AdminPolicyItem, 'id' | 'title'>;

function PolicyPicker({ onPick }: { onPick: (p: PolicyRef) => void }) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const load = useCallback((page: number) => fetchAdminPolicies({ q, status: 'published' }, page), [q]);
  const list = usePagedList<AdminPolicyItem>(q, load);
  useReachBottom(() => list.loadMore());
  return (
    <View>
      <Text className="yst-note">选择一项已发布的政策，为符合条件的企业绑定、公示和登记兑现。</Text>
      <View className="yst-search">
        <SearchBar value={text} placeholder="按名称或文号查找政策" clearable onChange={(v: string) => setText(v)} onClear={() => setText('')} />
      </View>
      {list.status === 'loading' ? <ListSkeleton /> : null}
      {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? <EmptyState title="没有已发布的政策" /> : null}
      {list.items.map((p) => (
        <View key={p.id} className="yst-card" ariaRole="button" onClick={() => onPick(p)}>
          <Text className="yst-policy-card__title">{p.title}</Text>
          <Text className="yst-policy-card__meta">
            {p.department.name} · {p.basisDoc || '无文号'}
          </Text>
        </View>
      ))}
      <ListFooter list={list} />
    </View>
  );
}

function BindForm({ policyId, onBound }: { policyId: number; onBound: () => void }) {
  const [uscc, setUscc] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useRef(createSubmission()).current;

  const bind = async () => {
    const checked = checkUscc(uscc);
    if (!checked.ok) return setError(checked.message);
    if (amount && !/^\d+(\.\d{1,2})?$/.test(amount.trim())) return setError('金额请填写数字，最多两位小数');
    const body = { policyId, uscc: checked.value, ...(amount ? { amountYuan: Number(amount) } : {}) };
    setBusy(true);
    setError(null);
    setWarning(null);
    try {
      // The server adds the conditions the registry profile does not meet (advice only, the binding stands).
      const created: Benefit & { warnings?: string[] } = await bindEnterprise(body, submission.keyFor(body));
      submission.reset();
      setUscc('');
      setAmount('');
      showSuccessToast(`已绑定${created.enterprise.name}`);
      const warnings = created.warnings ?? [];
      if (warnings.length > 0) setWarning(`已绑定${created.enterprise.name}，但企业档案显示：${warnings.join('；')}。请核实后再公示。`);
      onBound();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="yst-field" data-testid="bind-benefit">
      <Text className="yst-field__label">绑定一家企业</Text>
      <Input value={uscc} placeholder="统一社会信用代码（18位）" maxLength={40} onChange={(v: string) => setUscc(v)} />
      <Input type="digit" value={amount} placeholder="预计金额（元，可不填）" onChange={(v: string) => setAmount(v)} />
      {error ? <Text className="yst-field__error">{error}</Text> : <Text className="yst-field__hint">多家企业请用“批量导入”上传名单。</Text>}
      {warning ? (
        <Text className="yst-bind-warnings__item" data-testid="bind-warning">
          {warning}
        </Text>
      ) : null}
      <View className="yst-actions">
        <Button type="primary" block loading={busy} onClick={() => void bind()}>
          绑定
        </Button>
      </View>
    </View>
  );
}

function BenefitItem({ benefit: initial }: { benefit: Benefit }) {
  const [benefit, setBenefit] = useState(initial);
  return (
    <View className="yst-card" data-testid="staff-benefit">
      <Text className="yst-policy-card__title">{benefit.enterprise.name}</Text>
      <Text className="yst-policy-card__meta">{benefit.enterprise.uscc}</Text>
      <View className="yst-tags">
        <BenefitStatusTag status={benefit.status} />
        <Text className="yst-policy-card__meta">{yuan(benefit.paidAmountYuan ?? benefit.amountYuan)}</Text>
      </View>
      {benefit.objection ? <Text className="yst-field__error">企业异议：{benefit.objection}</Text> : null}
      <BenefitActions benefit={benefit} onChanged={setBenefit} />
    </View>
  );
}

function PolicyBenefits({ policy, onBack }: { policy: PolicyRef; onBack: () => void }) {
  const load = useCallback((page: number) => fetchAdminBenefits({ policyId: policy.id }, page), [policy.id]);
  const list = usePagedList<Benefit>(String(policy.id), load);
  useReachBottom(() => list.loadMore());
  // Back in the app after an enterprise confirmed or objected meanwhile: show the records as they are now.
  useOnReturn(list.reload);
  return (
    <View>
      <View className="yst-card">
        <Text className="yst-card__title">{policy.title}</Text>
        <Text className="yst-link" onClick={onBack}>
          更换政策
        </Text>
      </View>
      <BindForm policyId={policy.id} onBound={list.reload} />
      {list.status === 'loading' ? <ListSkeleton /> : null}
      {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? <EmptyState title="尚未绑定企业" /> : null}
      {list.items.map((b) => (
        <BenefitItem key={`${b.id}-${b.updatedAt}`} benefit={b} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}

/** 兑现管理: by policy, bind enterprises, publish the 公示, record payment, archive. */
export function BenefitsAdminScreen() {
  const [policy, setPolicy] = useState<PolicyRef | null>(null);
  return (
    <StaffGate title="兑现管理" roles={['staff', 'admin']} loginText="请先使用部门工作人员账号登录">
      {policy ? <PolicyBenefits policy={policy} onBack={() => setPolicy(null)} /> : <PolicyPicker onPick={setPolicy} />}
    </StaffGate>
  );
}
