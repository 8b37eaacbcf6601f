import { useMemo, useRef, useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { checkUscc, normaliseUscc } from '@contract/uscc';
import type { Me } from '@contract/auth';
import { ApiError, errorMessage } from '@/lib/api/api-error';
import { createSubmission } from '@/lib/api/client';
import { showErrorToast } from '@/lib/wx/ui';
import { bindEnterprise } from './api';

type Field = 'uscc' | 'name';
type ServerErrors = Partial<Record<Field, string>>;

// Server errors without a `field` still belong to one: which input should the user fix?
const FIELD_BY_CODE: Record<string, Field> = {
  USCC_FORMAT: 'uscc',
  USCC_INVALID: 'uscc',
  ENTERPRISE_NOT_FOUND: 'uscc',
  ENTERPRISE_NAME_MISMATCH: 'name',
};

function fieldOf(error: ApiError): Field | undefined {
  if (error.field === 'uscc' || error.field === 'name') return error.field;
  return FIELD_BY_CODE[error.code];
}

interface BindFormProps {
  onBound: (me: Me) => void;
}

export function BindForm({ onBound }: BindFormProps) {
  const [uscc, setUscc] = useState('');
  const [name, setName] = useState('');
  const [usccTouched, setUsccTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<ServerErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const submission = useRef(createSubmission()).current;

  const usccResult = useMemo(() => checkUscc(uscc), [uscc]);
  // Do not scold an empty field before the user typed anything.
  const usccError = serverErrors.uscc ?? (usccTouched && !usccResult.ok ? usccResult.message : undefined);
  const trimmedName = name.trim();
  const canSubmit = usccResult.ok && trimmedName.length > 0 && !submitting;

  const changeUscc = (value: string) => {
    setUscc(value);
    setUsccTouched(true);
    setServerErrors((errors) => ({ ...errors, uscc: undefined }));
  };
  const changeName = (value: string) => {
    setName(value);
    setServerErrors((errors) => ({ ...errors, name: undefined }));
  };

  const submit = async () => {
    if (!canSubmit || !usccResult.ok) return;
    const body = { uscc: usccResult.value, name: trimmedName };
    setSubmitting(true);
    try {
      const me = await bindEnterprise(body, submission.keyFor(body));
      submission.reset();
      onBound(me);
    } catch (error) {
      const field = error instanceof ApiError ? fieldOf(error) : undefined;
      if (field) setServerErrors({ [field]: errorMessage(error) });
      else showErrorToast(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="yst-bind-form">
      <View className="yst-field">
        <Text className="yst-field__label">统一社会信用代码</Text>
        <Input
          name="uscc"
          value={uscc}
          placeholder="18位，如 91440300708461136T"
          maxLength={40}
          clearable
          onChange={changeUscc}
          onBlur={() => setUscc((value) => normaliseUscc(value))}
        />
        {usccError ? (
          <Text className="yst-field__error" data-testid="uscc-error">
            {usccError}
          </Text>
        ) : (
          <Text className="yst-field__hint">见营业执照左上方，可输入小写字母，系统会自动转换</Text>
        )}
      </View>
      <View className="yst-field">
        <Text className="yst-field__label">企业名称</Text>
        <Input name="name" value={name} placeholder="与营业执照上的名称一致" maxLength={100} clearable onChange={changeName} />
        {serverErrors.name ? (
          <Text className="yst-field__error" data-testid="name-error">
            {serverErrors.name}
          </Text>
        ) : null}
      </View>
      <View className="yst-actions">
        <Button type="primary" block disabled={!canSubmit} loading={submitting} onClick={() => void submit()}>
          绑定企业
        </Button>
      </View>
    </View>
  );
}
