import { View } from '@tarojs/components';

interface Props<T extends string | number> {
  label: string;
  options: readonly { label: string; value: T }[];
  value: T | null;
  onChange: (value: T) => void;
}

/** One-of-few choice as tappable chips: fewer taps than a picker, and readable by screen readers. */
export function ChipSelect<T extends string | number>({ label, options, value, onChange }: Props<T>) {
  return (
    <View className="yst-tags" ariaRole="radiogroup" ariaLabel={label}>
      {options.map((o) => (
        <View
          key={String(o.value)}
          className={`yst-chip ${value === o.value ? 'yst-chip--on' : ''}`}
          ariaRole="radio"
          aria-checked={value === o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
