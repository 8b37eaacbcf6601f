import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Switch, TextArea } from '@nutui/nutui-react-taro';
import { PROBLEM_CATEGORIES } from '@contract/satisfaction-labels';
import { errorMessage } from '@/lib/api/api-error';
import { showErrorToast } from '@/lib/wx/ui';
import type { SurveyDraft } from './draft-store';
import { choosePhotos } from './photos';

const MAX_PHOTOS = 3;

interface ProblemReportProps {
  draft: SurveyDraft;
  errors: { category?: string; description?: string };
  onChange: (patch: Partial<SurveyDraft>) => void;
}

function Photos({ photos, onChange }: { photos: string[]; onChange: (photos: string[]) => void }) {
  const [busy, setBusy] = useState(false);
  const add = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const added = await choosePhotos(MAX_PHOTOS - photos.length);
      if (added.length) onChange([...photos, ...added].slice(0, MAX_PHOTOS));
    } catch (error) {
      showErrorToast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="yst-sv-photos">
      {photos.map((photo, index) => (
        <View key={index} className="yst-sv-photos__item">
          <Image className="yst-sv-photos__image" src={photo} mode="aspectFill" />
          <View className="yst-sv-photos__remove" ariaRole="button" ariaLabel={`删除第${index + 1}张照片`} onClick={() => onChange(photos.filter((_, i) => i !== index))}>
            ×
          </View>
        </View>
      ))}
      {photos.length < MAX_PHOTOS ? (
        <View className="yst-sv-photos__add" ariaRole="button" ariaLabel="添加照片" onClick={() => void add()}>
          <Text className="yst-sv-photos__plus">{busy ? '…' : '+'}</Text>
          <Text className="yst-sv-photos__hint">照片 {photos.length}/{MAX_PHOTOS}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** Optional: what went wrong, so the department knows what to fix (photos only after privacy consent). */
export function ProblemReport({ draft, errors, onChange }: ProblemReportProps) {
  return (
    <View className="yst-field">
      <View className="yst-sv-problem__toggle">
        {/* The label is the large target (a thumb, 关怀模式), and activating it with a screen reader toggles too. */}
        <Text className="yst-field__label yst-sv-problem__label" onClick={() => onChange({ problemOpen: !draft.problemOpen })}>
          我要反映问题（选填）
        </Text>
        <Switch checked={draft.problemOpen} onChange={(value: boolean) => onChange({ problemOpen: value })} ariaLabel="我要反映问题" />
      </View>
      {draft.problemOpen ? (
        <View id="problem-report">
          <Text className="yst-field__label">问题类别</Text>
          <View className="yst-sv-chips" ariaRole="radiogroup" ariaLabel="问题类别">
            {PROBLEM_CATEGORIES.map((category) => (
              <View
                key={category}
                className={`yst-sv-chip${draft.category === category ? ' yst-sv-chip--on' : ''}`}
                ariaRole="radio"
                ariaLabel={`${category}${draft.category === category ? '（已选）' : ''}`}
                onClick={() => onChange({ category })}
              >
                {category}
              </View>
            ))}
          </View>
          {errors.category ? <Text className="yst-field__error">{errors.category}</Text> : null}
          <Text className="yst-field__label">问题描述</Text>
          <TextArea value={draft.description} placeholder="请描述遇到的问题，如办理环节、时间等" maxLength={500} showCount onChange={(value: string) => onChange({ description: value })} />
          {errors.description ? <Text className="yst-field__error">{errors.description}</Text> : null}
          <Text className="yst-field__label">现场照片（最多 3 张）</Text>
          <Photos photos={draft.photos} onChange={(photos) => onChange({ photos })} />
          <Text className="yst-field__hint">添加照片需先同意《营商通隐私保护指引》；照片仅用于核实和整改该问题。</Text>
        </View>
      ) : null}
    </View>
  );
}
