import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { describeCondition } from '@contract/policy-match';
import { ChipSelect } from './chip-select';
import { emptyRule, FIELD_LABELS, SCALES, toCondition, type ConditionField, type DraftErrors, type RuleDraft } from './policy-form';

const FIELDS = (Object.keys(FIELD_LABELS) as ConditionField[]).map((f) => ({ label: FIELD_LABELS[f], value: f }));
const OPS = [
  { label: '不少于', value: 'gte' as const },
  { label: '不超过', value: 'lte' as const },
];

function RuleEditor({ rule, onChange }: { rule: RuleDraft; onChange: (r: RuleDraft) => void }) {
  switch (rule.field) {
    case 'scale':
      return (
        <View className="yst-tags" ariaRole="group" ariaLabel="适用规模">
          {SCALES.map((s) => {
            const on = rule.values.includes(s);
            return (
              <View
                key={s}
                className={`yst-chip ${on ? 'yst-chip--on' : ''}`}
                ariaRole="checkbox"
                aria-checked={on}
                onClick={() => onChange({ ...rule, values: on ? rule.values.filter((v) => v !== s) : [...rule.values, s] })}
              >
                {s}
              </View>
            );
          })}
        </View>
      );
    case 'industry':
    case 'district':
      return (
        <Input
          value={rule.value}
          placeholder={rule.field === 'industry' ? '行业门类，多个用“；”分隔，如 制造业；批发和零售业' : '乡镇（街道），多个用“；”分隔'}
          onChange={(value: string) => onChange({ ...rule, value })}
        />
      );
    case 'qualifications':
      return <Input value={rule.value} placeholder="如 高新技术企业、专精特新" onChange={(value: string) => onChange({ ...rule, value })} />;
    case 'yearsSinceRegistration':
      return (
        <View>
          <ChipSelect label="比较方式" options={OPS} value={rule.op} onChange={(op) => onChange({ ...rule, op })} />
          <Input type="number" value={rule.value} placeholder="年数，如 3" onChange={(value: string) => onChange({ ...rule, value })} />
        </View>
      );
  }
}

interface Props {
  rules: RuleDraft[];
  errors: DraftErrors;
  onChange: (rules: RuleDraft[]) => void;
}

/** Conditions as rules over the enterprise profile: pick a field, an operator, the values; a sentence previews it. */
export function ConditionEditor({ rules, errors, onChange }: Props) {
  const update = (i: number, rule: RuleDraft) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  return (
    <View data-testid="condition-editor">
      {rules.length === 0 ? <Text className="yst-field__hint">未设条件：辖区内所有企业均可享受。</Text> : null}
      {rules.map((rule, i) => {
        const condition = toCondition(rule);
        return (
          <View key={i} className="yst-rule">
            <Text className="yst-field__label">条件 {i + 1}</Text>
            <ChipSelect label={`条件 ${i + 1} 的字段`} options={FIELDS} value={rule.field} onChange={(field) => update(i, emptyRule(field))} />
            <RuleEditor rule={rule} onChange={(r) => update(i, r)} />
            {errors[`rule${i}`] ? (
              <Text className="yst-field__error">{errors[`rule${i}`]}</Text>
            ) : typeof condition !== 'string' ? (
              <Text className="yst-field__hint">企业将看到：{describeCondition(condition)}</Text>
            ) : null}
            <View className="yst-link" ariaRole="button" onClick={() => onChange(rules.filter((_, j) => j !== i))}>
              删除此条件
            </View>
          </View>
        );
      })}
      {rules.length < 20 ? (
        <View className="yst-section">
          <Button size="small" fill="outline" onClick={() => onChange([...rules, emptyRule()])}>
            添加条件
          </Button>
        </View>
      ) : null}
    </View>
  );
}
