import { Tag } from '@nutui/nutui-react-taro';
import { BENEFIT_STATUS_LABELS } from '@contract/benefit-rules';
import type { BenefitStatus } from '@contract/benefit';

const TYPES: Record<BenefitStatus, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  matched: 'default',
  publicized: 'warning',
  confirmed: 'primary',
  objected: 'danger',
  paid: 'success',
  archived: 'default',
};

export function BenefitStatusTag({ status }: { status: BenefitStatus }) {
  return <Tag className={TYPES[status] === 'default' ? undefined : 'yst-tag-solid'} type={TYPES[status]}>{BENEFIT_STATUS_LABELS[status]}</Tag>;
}
