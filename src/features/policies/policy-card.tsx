import Taro from '@tarojs/taro';
import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { PolicyListItem } from '@contract/policy';
import { HighlightedText } from './highlighted-text';
import { KIND_TAG_TYPE } from './labels';
import { validity } from './dates';
import { POLICY_DETAIL_PAGE } from './routes';


interface Props {
  policy: PolicyListItem;
  today: string;
}

/** One row of the policy list: kept to a dozen nodes, since pages of them are appended to the page. */
export function PolicyCard({ policy, today }: Props) {
  const v = validity(policy.validFrom, policy.validTo, today);
  const open = () => void Taro.navigateTo({ url: `${POLICY_DETAIL_PAGE}?id=${policy.id}` });
  return (
    <View className="yst-card yst-policy-card" onClick={open} ariaRole="link" ariaLabel={policy.title} data-testid="policy-card">
      <HighlightedText className="yst-policy-card__title" text={policy.title} terms={policy.matchedTerms} />
      <View className="yst-tags">
        <Tag className="yst-tag-solid" type={KIND_TAG_TYPE[policy.kind]}>{policy.kind}</Tag>
        <Tag plain>{policy.level}级</Tag>
        {policy.method === '免申即享' ? <Tag type="success" plain>免申即享</Tag> : null}
        <Text className={`yst-validity yst-validity--${v.tone}`}>{policy.expired ? '已过期' : v.label}</Text>
      </View>
      <HighlightedText className="yst-policy-card__summary" text={policy.summary} terms={policy.matchedTerms} />
      <Text className="yst-policy-card__meta">
        {policy.department.name}
        {policy.amount ? ` · ${policy.amount}` : ''}
      </Text>
    </View>
  );
}
