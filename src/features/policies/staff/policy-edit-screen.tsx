import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { POLICY_KINDS, POLICY_LEVELS, POLICY_METHODS } from '@contract/policy-rules';
import type { PolicyDetail, PolicyFacets } from '@contract/policy';
import { useMe } from '@/features/auth/use-me';
import { ApiError, errorMessage } from '@/lib/api/api-error';
import { createSubmission } from '@/lib/api/client';
import { confirm, showErrorToast, showSuccessToast } from '@/lib/wx/ui';
import { StaffGate } from '@/features/auth/staff-gate';
import { fetchFacets, fetchPolicy } from '../api';
import { chinaToday } from '@/lib/china-time';
import { POLICY_STATUS_LABELS } from '../labels';
import { ErrorState, ListSkeleton } from '@/components/list-states';
import { STAFF_POLICY_EDIT_PAGE } from '../routes';
import { changePolicyStatus, createPolicy, updatePolicy } from './api';
import { ChipSelect } from './chip-select';
import { ConditionEditor } from './condition-editor';
import { draftFrom, emptyDraft, toPolicyWrite, type DraftErrors, type PolicyDraft } from './policy-form';
import '../policies.scss';

type TextField = 'title' | 'summary' | 'body' | 'basisDoc' | 'amount' | 'validFrom' | 'validTo' | 'contact' | 'tags';

const TEXT_FIELDS: { field: TextField; label: string; placeholder: string; long?: boolean; max: number }[] = [
  { field: 'title', label: '政策名称', placeholder: '如 小微企业吸纳就业社保补贴', max: 100 },
  { field: 'basisDoc', label: '依据文号', placeholder: '如 茗人社〔2024〕6号', max: 100 },
  { field: 'tags', label: '标签', placeholder: '用“、”分隔，如 社保、就业、中小微', max: 420 },
  { field: 'summary', label: '摘要', placeholder: '一两句话说明谁可享受、享受什么', long: true, max: 500 },
  { field: 'body', label: '正文或解读', placeholder: '政策原文或通俗解读', long: true, max: 20000 },
  { field: 'amount', label: '金额或标准', placeholder: '如 每人每月 500 元', max: 200 },
  { field: 'validFrom', label: '开始日期', placeholder: '年-月-日，如 2024-01-01', max: 10 },
  { field: 'validTo', label: '结束日期', placeholder: '年-月-日；留空表示长期有效', max: 10 },
  { field: 'contact', label: '联系方式', placeholder: '如 区人社局就业科 0571-88886666', max: 100 },
];

const options = <T extends string>(values: readonly T[], suffix = '') => values.map((v) => ({ label: `${v}${suffix}`, value: v }));

function PolicyEditor({ existing }: { existing: PolicyDetail | null }) {
  const session = useMe();
  const isAdmin = session.user?.role === 'admin';
  const [draft, setDraft] = useState<PolicyDraft>(() => (existing ? draftFrom(existing) : emptyDraft(chinaToday())));
  const [policy, setPolicy] = useState<PolicyDetail | null>(existing);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [facets, setFacets] = useState<PolicyFacets | null>(null);
  const submission = useRef(createSubmission()).current;

  useEffect(() => {
    if (isAdmin) fetchFacets().then(setFacets, () => undefined);
  }, [isAdmin]);

  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = async (): Promise<PolicyDetail | null> => {
    const checked = toPolicyWrite(draft, isAdmin && !policy);
    if (!checked.ok) {
      setErrors(checked.errors);
      showErrorToast('请按提示修改后再保存');
      return null;
    }
    setBusy(true);
    try {
      const saved = policy ? await updatePolicy(policy.id, checked.body) : await createPolicy(checked.body, submission.keyFor(checked.body));
      submission.reset();
      setPolicy(saved);
      showSuccessToast('已保存');
      if (!policy) void Taro.redirectTo({ url: `${STAFF_POLICY_EDIT_PAGE}?id=${saved.id}` });
      return saved;
    } catch (cause) {
      const field = cause instanceof ApiError ? cause.field : undefined;
      if (field && field in draft) setErrors({ [field]: errorMessage(cause) } as DraftErrors);
      showErrorToast(errorMessage(cause));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const transition = async (action: 'publish' | 'withdraw') => {
    if (!policy) return;
    const question = action === 'publish' ? '发布后企业即可查询，并提醒订阅了新政策的相符企业。' : '撤回后企业将查不到该政策，且不能再修改。';
    if (!(await confirm(action === 'publish' ? '发布政策' : '撤回政策', question, action === 'publish' ? '发布' : '撤回'))) return;
    setBusy(true);
    try {
      // Unsaved edits go first, so what is published is what is on screen.
      const saved = action === 'publish' ? await save() : policy;
      if (!saved) return;
      setPolicy(await changePolicyStatus(saved.id, action));
      showSuccessToast(action === 'publish' ? '已发布' : '已撤回');
    } catch (cause) {
      showErrorToast(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const withdrawn = policy?.status === 'withdrawn';
  return (
    <View>
      {policy ? (
        <View className="yst-section yst-tags">
          <Tag className={policy.status === 'published' ? 'yst-tag-solid' : undefined} type={policy.status === 'published' ? 'success' : 'default'}>
            {POLICY_STATUS_LABELS[policy.status]}
          </Tag>
          {policy.expired ? <Tag className="yst-tag-solid" type="danger">已过期</Tag> : null}
        </View>
      ) : null}
      {isAdmin ? (
        <View className="yst-field">
          <Text className="yst-field__label">发文部门</Text>
          {policy ? (
            <Text>{policy.department.name}</Text>
          ) : (
            <ChipSelect
              label="发文部门"
              options={(facets?.departments ?? []).map((d) => ({ label: d.name, value: d.id }))}
              value={draft.departmentId}
              onChange={(id) => set('departmentId', id)}
            />
          )}
          {errors.departmentId ? <Text className="yst-field__error">{errors.departmentId}</Text> : null}
        </View>
      ) : null}
      <View className="yst-field">
        <Text className="yst-field__label">层级</Text>
        <ChipSelect label="层级" options={options(POLICY_LEVELS, '级')} value={draft.level} onChange={(v) => set('level', v)} />
        <Text className="yst-field__label">类型</Text>
        <ChipSelect label="类型" options={options(POLICY_KINDS)} value={draft.kind} onChange={(v) => set('kind', v)} />
        <Text className="yst-field__label">兑现方式</Text>
        <ChipSelect label="兑现方式" options={options(POLICY_METHODS)} value={draft.method} onChange={(v) => set('method', v)} />
      </View>
      {TEXT_FIELDS.map(({ field, label, placeholder, long, max }) => (
        <View key={field} className="yst-field">
          <Text className="yst-field__label">{label}</Text>
          {long ? (
            <TextArea value={draft[field]} placeholder={placeholder} maxLength={max} onChange={(v: string) => set(field, v)} />
          ) : (
            <Input name={field} value={draft[field]} placeholder={placeholder} maxLength={max} onChange={(v: string) => set(field, v)} />
          )}
          {errors[field] ? <Text className="yst-field__error">{errors[field]}</Text> : null}
        </View>
      ))}
      <View className="yst-field">
        <Text className="yst-field__label">享受条件</Text>
        <ConditionEditor rules={draft.rules} errors={errors} onChange={(rules) => set('rules', rules)} />
      </View>
      <View className="yst-actions">
        {withdrawn ? (
          <Text className="yst-note">已撤回的政策不能再修改。</Text>
        ) : (
          <Button type="primary" block loading={busy} onClick={() => void save()}>
            保存
          </Button>
        )}
        {policy?.status === 'draft' ? (
          <Button block fill="outline" disabled={busy} onClick={() => void transition('publish')}>
            保存并发布
          </Button>
        ) : null}
        {policy?.status === 'published' ? (
          <Button block fill="outline" type="danger" disabled={busy} onClick={() => void transition('withdraw')}>
            撤回
          </Button>
        ) : null}
      </View>
    </View>
  );
}

function ExistingPolicy({ id }: { id: number }) {
  const [policy, setPolicy] = useState<PolicyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    fetchPolicy(id).then(setPolicy, (cause: unknown) => setError(errorMessage(cause)));
  };
  useEffect(load, [id]);
  if (error) return <ErrorState message={error} onRetry={load} />;
  if (!policy) return <ListSkeleton rows={2} />;
  return <PolicyEditor existing={policy} />;
}

/** 政策编辑: create (draft) or edit a policy with its rules, then publish or withdraw it. */
export function PolicyEditScreen({ id }: { id?: number }) {
  return <StaffGate title={id ? '编辑政策' : '新建政策'} roles={['staff', 'admin']} loginText="请先使用部门工作人员账号登录">{id ? <ExistingPolicy id={id} /> : <PolicyEditor existing={null} />}</StaffGate>;
}
