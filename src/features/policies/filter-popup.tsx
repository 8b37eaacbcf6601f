import { Popup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';

export interface FilterOption {
  label: string;
  value: string | number | undefined;
}

export interface FilterPopupProps {
  visible: boolean;
  title: string;
  options: FilterOption[];
  selected: FilterOption['value'];
  onPick: (option: FilterOption) => void;
  onClose: () => void;
}

/** The bottom sheet listing one filter dimension's choices (类型, 层级, 部门 or 标签). */
export function FilterPopup({ visible, title, options, selected, onPick, onClose }: FilterPopupProps) {
  return (
    <Popup visible={visible} position="bottom" round title={title} onClose={onClose}>
      <View className="yst-options" ariaRole="listbox">
        {options.map((option) => {
          const on = selected === option.value;
          return (
            <View
              key={String(option.value ?? 'all')}
              className={`yst-option ${on ? 'yst-option--on' : ''}`}
              ariaRole="option"
              aria-selected={on}
              onClick={() => onPick(option)}
            >
              {option.label}
            </View>
          );
        })}
      </View>
    </Popup>
  );
}
