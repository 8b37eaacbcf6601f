import { Text, View } from '@tarojs/components';
import type { ConditionResult } from '@contract/policy';

const MARK = { yes: '✓', no: '✗', unknown: '?' } as const;

function markOf(met: boolean | null): keyof typeof MARK {
  if (met === null) return 'unknown';
  return met ? 'yes' : 'no';
}

const SPOKEN = { yes: '符合', no: '不符合', unknown: '待补充' } as const;

/** Each condition with ✓ met / ✗ not met / ? profile incomplete, and the reason in words. */
export function ConditionList({ conditions }: { conditions: readonly ConditionResult[] }) {
  if (conditions.length === 0) return <Text className="yst-note">本政策无企业条件限制，辖区企业均可享受。</Text>;
  return (
    <View className="yst-conditions" ariaRole="list">
      {conditions.map((c, i) => {
        const mark = markOf(c.met);
        return (
          <View key={i} className={`yst-condition yst-condition--${mark}`} ariaRole="listitem" ariaLabel={`${SPOKEN[mark]}：${c.reason}`}>
            <Text className="yst-condition__mark">{MARK[mark]}</Text>
            <Text className="yst-condition__reason">{c.reason.replace(/ ✓$/, '')}</Text>
          </View>
        );
      })}
    </View>
  );
}
