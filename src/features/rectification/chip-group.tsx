import { ScrollView, Text, View } from '@tarojs/components';
import './chip-group.scss';

export interface ChipOption<T> {
  value: T;
  label: string;
}

interface ChipGroupProps<T> {
  label: string;
  options: readonly ChipOption<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** One-tap filter choices: faster than a picker on a phone, and every option stays visible on a desktop. */
export function ChipGroup<T extends string | number | undefined>({ label, options, value, onChange }: ChipGroupProps<T>) {
  return (
    <View className="yst-chips" ariaLabel={label}>
      <Text className="yst-chips__label">{label}</Text>
      <ScrollView scrollX className="yst-chips__scroll">
        {options.map((o) => (
          <View
            key={String(o.value ?? 'all')}
            className={`yst-chip${o.value === value ? ' yst-chip--on' : ''}`}
            ariaRole="button"
            ariaLabel={o.label}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </View>
        ))}
      </ScrollView>
    </View>
  );
}
