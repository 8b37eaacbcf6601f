import { Text, View } from '@tarojs/components';

interface ChoiceProps {
  label: string;
  /** A second line, e.g. “余3” under a slot. */
  sub?: string;
  checked: boolean;
  disabled?: boolean;
  kind?: 'radio' | 'checkbox';
  onPick: () => void;
}

/** A big tappable option (one hand, 关怀模式) that screen readers announce as a radio or checkbox. */
export function Choice({ label, sub, checked, disabled = false, kind = 'radio', onPick }: ChoiceProps) {
  const classes = ['yst-choice', checked ? 'yst-choice--on' : '', disabled ? 'yst-choice--off' : ''].filter(Boolean).join(' ');
  // aria-checked/aria-disabled exist in WeChat's and the browser's accessibility models, not in Taro's View typings.
  const state = { ariaChecked: checked, ariaDisabled: disabled } as Record<string, boolean>;
  return (
    <View
      {...state}
      className={classes}
      ariaRole={kind}
      ariaLabel={sub ? `${label} ${sub}` : label}
      onClick={disabled ? undefined : onPick}
    >
      <Text className="yst-choice__label">{label}</Text>
      {sub ? <Text className="yst-choice__sub">{sub}</Text> : null}
    </View>
  );
}

export function FieldError({ message, testId }: { message?: string; testId: string }) {
  if (!message) return null;
  return (
    <Text className="yst-field__error" data-testid={testId}>
      {message}
    </Text>
  );
}
