import type { PolicyKind, PolicyStatus } from '@contract/policy';

/** Tag colour per kind, so a list is scannable at a glance. */
export const KIND_TAG_TYPE: Record<PolicyKind, 'primary' | 'success' | 'warning' | 'danger'> = {
  减免: 'success',
  奖补: 'danger',
  权益: 'primary',
  资质: 'warning',
};

export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};
