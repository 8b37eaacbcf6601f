import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { RATING_DIMENSIONS } from '@contract/satisfaction-labels';
import type { RatingTarget } from '@contract/satisfaction';
import { flushQueue } from '@/lib/api/offline-queue';
import { loadDraft, saveDraft, type SurveyDraft } from './draft-store';
import { ProblemReport } from './problem-report';
import { ScorePicker } from './score-picker';
import { useSurveySubmit, type SubmitState } from './use-survey-submit';

interface SurveyFormProps {
  draftName: string;
  target: RatingTarget;
  visitId: number | null;
}

const goHome = () => void Taro.switchTab({ url: '/pages/home/index' });

function Result({ state }: { state: Exclude<SubmitState, { kind: 'editing' } | { kind: 'sending' }> }) {
  if (state.kind === 'queued') {
    return (
      <View className="yst-sv-result yst-sv-result--waiting" ariaRole="status">
        <Text className="yst-sv-result__icon">…</Text>
        <Text className="yst-sv-result__title">等待网络，恢复后自动提交</Text>
        <Text className="yst-sv-result__text">您的评价已保存在本机，网络恢复后会自动提交且只提交一次，可以放心离开本页面。</Text>
        <View className="yst-actions">
          <Button block onClick={() => void flushQueue()}>
            立即重试
          </Button>
        </View>
      </View>
    );
  }
  if (state.kind === 'already') {
    return (
      <View className="yst-sv-result" ariaRole="status">
        <Text className="yst-sv-result__icon">✓</Text>
        <Text className="yst-sv-result__title">您已评价过</Text>
        <Text className="yst-sv-result__text">{state.message}</Text>
        <View className="yst-actions">
          <Button block onClick={goHome}>
            返回首页
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className="yst-sv-result yst-sv-result--done" ariaRole="status">
      <Text className="yst-sv-result__icon">✓</Text>
      <Text className="yst-sv-result__title">已提交</Text>
      <Text className="yst-sv-result__text">感谢您的评价！</Text>
      {state.ticketId !== null ? (
        <View>
          <Text className="yst-sv-result__text yst-sv-result__text--strong">您的反馈已转交整改</Text>
          <Text className="yst-sv-result__text">责任部门将在 1 个工作日内与您联系，整改进展可在“我的工单”查看。</Text>
          <View className="yst-actions">
            <Button type="primary" block onClick={() => void Taro.navigateTo({ url: `/pages/tickets/detail?id=${state.ticketId}` })}>
              查看工单
            </Button>
          </View>
        </View>
      ) : null}
      <View className="yst-actions">
        <Button block onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

/** The four dimensions, comment and problem report; every change is kept as a draft at once. */
export function SurveyForm({ draftName, target, visitId }: SurveyFormProps) {
  const [draft, setDraftState] = useState<SurveyDraft>(() => loadDraft(draftName));
  const setDraft = useCallback(
    (patch: Partial<SurveyDraft>) =>
      setDraftState((current) => {
        const next = { ...current, ...patch };
        saveDraft(draftName, next);
        return next;
      }),
    [draftName],
  );
  const { state, errors, formError, submit, clearError } = useSurveySubmit({ draftName, draft, setDraft, target, visitId });

  if (state.kind !== 'editing' && state.kind !== 'sending') return <Result state={state} />;

  return (
    <View className="yst-sv-survey">
      <View className="yst-field">
        <Text className="yst-field__hint">请根据本次服务的真实感受评价，评价结果仅用于改进服务，办事人员看不到您的具体评分。</Text>
      </View>
      {RATING_DIMENSIONS.map((dimension) => (
        <View key={dimension}>
          <ScorePicker
            dimension={dimension}
            value={draft.scores[dimension]}
            invalid={Boolean(errors[dimension])}
            onChange={(score) => {
              setDraft({ scores: { ...draft.scores, [dimension]: score } });
              clearError(dimension);
            }}
          />
          {errors[dimension] ? <Text className="yst-field__error yst-sv-score__error">{errors[dimension]}</Text> : null}
        </View>
      ))}
      <View className="yst-field">
        <Text className="yst-field__label">意见建议（选填）</Text>
        <TextArea value={draft.comment} placeholder="说说您的感受或建议" maxLength={500} showCount onChange={(value: string) => setDraft({ comment: value })} />
        {errors.comment ? <Text className="yst-field__error">{errors.comment}</Text> : null}
      </View>
      <ProblemReport
        draft={draft}
        errors={{ category: errors.category, description: errors.description }}
        onChange={(patch) => {
          setDraft(patch);
          if (patch.category) clearError('category');
          if (patch.description) clearError('description');
        }}
      />
      {formError ? (
        <View className="yst-field__error yst-sv-survey__error" ariaRole="alert">
          {formError}
        </View>
      ) : null}
      <View className="yst-actions">
        <Button type="primary" block size="large" loading={state.kind === 'sending'} onClick={() => void submit()}>
          提交评价
        </Button>
      </View>
    </View>
  );
}
