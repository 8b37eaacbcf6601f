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

/**
 * On H5 the 政策 tab's bar (首页/政策/办事/我的) is drawn by the page over its bottom edge, so a sheet
 * at bottom 0 hides its last options behind it; there the sheet sits on top of the bar. The
 * mini-program's tab bar is native and outside the page: its sheets stay at the bottom.
 */
const sheetClass = () => (process.env.TARO_ENV === 'h5' ? 'yst-sheet yst-sheet--above-tabbar' : 'yst-sheet');

/** The bottom sheet listing one filter dimension's choices (类型, 层级, 部门, 标签 or 兑现方式); long lists scroll. */
export function FilterPopup({ visible, title, options, selected, onPick, onClose }: FilterPopupProps) {
  return (
    <Popup visible={visible} position="bottom" round title={title} onClose={onClose} className={sheetClass()}>
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
