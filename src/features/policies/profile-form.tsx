import { useRef, useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { EnterpriseScale } from '@contract/enterprise';
import type { EnterpriseProfilePatch } from '@contract/policy';
import { PROFILE_FIELD_PROMPTS, type ProfileField } from '@contract/policy-match';
import { ApiError, errorMessage } from '@/lib/api/api-error';
import { showSuccessToast } from '@/lib/wx/ui';
import { fillProfile } from './api';

const SCALES: EnterpriseScale[] = ['大型', '中型', '小型', '微型'];
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
type Editable = Exclude<ProfileField, 'qualifications'>;
const EDITABLE: Editable[] = ['industry', 'scale', 'district', 'registeredOn'];

const LABELS: Record<Editable, string> = { industry: '所属行业', scale: '企业规模', district: '所属乡镇（街道）', registeredOn: '成立日期' };
const PLACEHOLDERS: Record<Exclude<Editable, 'scale'>, string> = {
  industry: '如 制造业',
  district: '如 城关街道',
  registeredOn: '如 2018-05-20',
};

function validate(values: Partial<Record<Editable, string>>, fields: Editable[]): Partial<Record<Editable, string>> {
  const errors: Partial<Record<Editable, string>> = {};
  for (const field of fields) {
    const value = values[field]?.trim() ?? '';
    if (!value) errors[field] = PROFILE_FIELD_PROMPTS[field];
    else if (field === 'registeredOn' && (!DATE_RE.test(value) || Number.isNaN(Date.parse(value)))) errors[field] = '请按 年-月-日 填写，如 2018-05-20';
  }
  return errors;
}

/** Asks only for what the 政策计算器 found missing; the registry's own data cannot be changed here. */
export function ProfileForm({ missing, onSaved }: { missing: readonly ProfileField[]; onSaved: () => void }) {
  const fields = EDITABLE.filter((f) => missing.includes(f));
  const [values, setValues] = useState<Partial<Record<Editable, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<Editable, string>>>({});
  const [saving, setSaving] = useState(false);
  const mounted = useRef(true);

  const set = (field: Editable, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const save = async () => {
    const found = validate(values, fields);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const patch: EnterpriseProfilePatch = {};
    for (const field of fields) {
      const value = values[field]!.trim();
      if (field === 'scale') patch.scale = value as EnterpriseScale;
      else patch[field] = value;
    }
    setSaving(true);
    try {
      await fillProfile(patch);
      showSuccessToast('已保存');
      onSaved();
    } catch (error) {
      const field = error instanceof ApiError && EDITABLE.includes(error.field as Editable) ? (error.field as Editable) : fields[0];
      setErrors({ [field]: errorMessage(error) });
    } finally {
      if (mounted.current) setSaving(false);
    }
  };

  return (
    <View className="yst-card" data-testid="profile-form">
      <Text className="yst-card__title">补充企业信息</Text>
      <Text className="yst-field__hint">以下信息企业名录中暂缺，补充后即可判断更多政策。名录已有的信息以名录为准。</Text>
      {fields.map((field) => (
        <View key={field} className="yst-profile-field">
          <Text className="yst-field__label">{LABELS[field]}</Text>
          {field === 'scale' ? (
            <View className="yst-tags" ariaRole="radiogroup" ariaLabel="企业规模">
              {SCALES.map((scale) => (
                <View
                  key={scale}
                  className={`yst-chip ${values.scale === scale ? 'yst-chip--on' : ''}`}
                  ariaRole="radio"
                  aria-checked={values.scale === scale}
                  onClick={() => set('scale', scale)}
                >
                  {scale}
                </View>
              ))}
            </View>
          ) : (
            <Input
              name={field}
              value={values[field] ?? ''}
              placeholder={PLACEHOLDERS[field]}
              maxLength={50}
              onChange={(value: string) => set(field, value)}
            />
          )}
          {errors[field] ? <Text className="yst-field__error">{errors[field]}</Text> : null}
        </View>
      ))}
      {missing.includes('qualifications') ? (
        <Text className="yst-field__hint">资质认定（如高新技术企业）以主管部门认定名单为准，如有遗漏请联系营商办。</Text>
      ) : null}
      {fields.length > 0 ? (
        <View className="yst-actions">
          <Button type="primary" block loading={saving} onClick={() => void save()}>
            保存并重新计算
          </Button>
        </View>
      ) : null}
    </View>
  );
}
