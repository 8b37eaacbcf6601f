import { useCallback, useState } from 'react';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Button, SearchBar, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { PolicyStatus } from '@contract/policy';
import { usePagedList } from '@/lib/use-paged-list';
import { StaffGate } from '@/features/auth/staff-gate';
import { chinaDateTime } from '@/lib/china-time';
import { POLICY_STATUS_LABELS } from '../labels';
import { EmptyState, ErrorState, ListFooter, ListSkeleton } from '@/components/list-states';
import { STAFF_IMPORT_PAGE, STAFF_POLICY_EDIT_PAGE } from '../routes';
import { useDebouncedValue } from '../use-debounced-value';
import { fetchAdminPolicies, type AdminPolicyItem } from './api';
import '../policies.scss';

const STATUS_TABS: { label: string; value: PolicyStatus | undefined }[] = [
  { label: '全部', value: undefined },
  { label: '草稿', value: 'draft' },
  { label: '已发布', value: 'published' },
  { label: '已撤回', value: 'withdrawn' },
];

function AdminPolicies() {
  const [status, setStatus] = useState<PolicyStatus | undefined>(undefined);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const load = useCallback((page: number) => fetchAdminPolicies({ q, status }, page), [q, status]);
  const list = usePagedList<AdminPolicyItem>(JSON.stringify([q, status]), load);
  useReachBottom(() => list.loadMore());
  // Back from the editor: show what was saved or published there.
  useDidShow(() => {
    if (list.status === 'ready') list.reload();
  });

  return (
    <View>
      <View className="yst-search">
        <SearchBar value={text} placeholder="按名称或文号查找" maxLength={50} clearable onChange={(v: string) => setText(v)} onClear={() => setText('')} />
      </View>
      <View className="yst-filters" ariaRole="tablist">
        {STATUS_TABS.map((t) => (
          <View
            key={t.label}
            className={`yst-chip ${status === t.value ? 'yst-chip--on' : ''}`}
            ariaRole="tab"
            aria-selected={status === t.value}
            onClick={() => setStatus(t.value)}
          >
            {t.label}
          </View>
        ))}
      </View>
      <View className="yst-actions">
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: STAFF_POLICY_EDIT_PAGE })}>
          新建政策
        </Button>
        <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: STAFF_IMPORT_PAGE })}>
          批量导入
        </Button>
      </View>
      {list.status === 'loading' ? <ListSkeleton /> : null}
      {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? <EmptyState title="没有符合条件的政策" /> : null}
      {list.items.map((p) => (
        <View
          key={p.id}
          className="yst-card"
          ariaRole="link"
          data-testid="admin-policy"
          onClick={() => void Taro.navigateTo({ url: `${STAFF_POLICY_EDIT_PAGE}?id=${p.id}` })}
        >
          <Text className="yst-policy-card__title">{p.title}</Text>
          <View className="yst-tags">
            <Tag className={p.status === 'withdrawn' ? undefined : 'yst-tag-solid'} type={p.status === 'published' ? 'success' : p.status === 'draft' ? 'primary' : 'default'}>
              {POLICY_STATUS_LABELS[p.status]}
            </Tag>
            {p.expired ? <Tag className="yst-tag-solid" type="danger">已过期</Tag> : null}
            <Tag plain>{p.kind}</Tag>
          </View>
          <Text className="yst-policy-card__meta">
            {p.department.name} · {p.basisDoc || '无文号'} · 更新于 {chinaDateTime(p.updatedAt)}
          </Text>
        </View>
      ))}
      <ListFooter list={list} />
    </View>
  );
}

/** 政策管理: the department's policies in every status (admins: all departments). */
export function AdminPoliciesScreen() {
  return (
    <StaffGate title="政策管理" roles={['staff', 'admin']} loginText="请先使用部门工作人员账号登录">
      <AdminPolicies />
    </StaffGate>
  );
}
