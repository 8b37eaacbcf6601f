import { Text, View } from '@tarojs/components';
import { DIMENSION_LABELS, SCORE_LABELS, type RatingDimension } from '@contract/satisfaction-labels';
import type { Score } from '@contract/satisfaction';

// National 好差评 order: the best level first.
const LEVELS: Score[] = [5, 4, 3, 2, 1];
const tone = (score: Score) => (score >= 4 ? 'good' : score === 3 ? 'fair' : 'bad');

interface ScorePickerProps {
  dimension: RatingDimension;
  value: Score | undefined;
  invalid: boolean;
  onChange: (score: Score) => void;
}

/** One dimension's five levels as large tiles: easy to hit with a thumb, one hand, in 关怀模式 too. */
export function ScorePicker({ dimension, value, invalid, onChange }: ScorePickerProps) {
  const label = DIMENSION_LABELS[dimension];
  return (
    <View className={`yst-sv-score${invalid ? ' yst-sv-score--invalid' : ''}`} ariaRole="radiogroup" ariaLabel={label} id={`score-${dimension}`}>
      <View className="yst-sv-score__head">
        <Text className="yst-sv-score__title">{label}</Text>
        {value ? <Text className={`yst-sv-score__picked yst-sv-score__picked--${tone(value)}`}>{SCORE_LABELS[value]}</Text> : <Text className="yst-sv-score__required">必选</Text>}
      </View>
      <View className="yst-sv-score__options">
        {LEVELS.map((score) => {
          const selected = value === score;
          return (
            <View
              key={score}
              className={`yst-sv-score__option yst-sv-score__option--${tone(score)}${selected ? ' yst-sv-score__option--selected' : ''}`}
              ariaRole="radio"
              ariaLabel={`${label} ${SCORE_LABELS[score]}${selected ? '（已选）' : ''}`}
              onClick={() => onChange(score)}
            >
              <Text className="yst-sv-score__mark">{selected ? '✓' : score}</Text>
              <Text className="yst-sv-score__label">{SCORE_LABELS[score]}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
