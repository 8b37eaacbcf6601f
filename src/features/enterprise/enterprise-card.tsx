import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Enterprise } from '@contract/enterprise';
import { Row } from '@/components/row';
import { chinaDate } from '@/lib/china-time';

/** 一企一档: the profile policies are matched against. */
export function EnterpriseCard({ enterprise }: { enterprise: Enterprise }) {
  return (
    <View className="yst-card" data-testid="enterprise-card">
      <Text className="yst-card__title">{enterprise.name}</Text>
      <Row label="信用代码" value={enterprise.uscc} />
      <Row label="所属行业" value={enterprise.industry} />
      <Row label="企业规模" value={enterprise.scale} />
      <Row label="所属街道" value={enterprise.district} />
      {enterprise.registeredOn ? <Row label="成立日期" value={chinaDate(enterprise.registeredOn)} /> : null}
      {enterprise.qualifications.length > 0 ? (
        <View className="yst-tags">
          {enterprise.qualifications.map((q) => (
            <Tag key={q}>
              {q}
            </Tag>
          ))}
        </View>
      ) : null}
    </View>
  );
}
