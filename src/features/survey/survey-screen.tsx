import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { LoginPanel } from '@/features/auth/login-panel';
import { useMe } from '@/features/auth/use-me';
import { AlreadyRated } from './already-rated';
import { clearDraft, loadDraft } from './draft-store';
import { SurveyForm } from './survey-form';
import { SurveyHub } from './survey-hub';
import {
  draftName,
  headingFromStatus,
  placeholderHeading,
  surveySourceFromParams,
  type Heading,
  type SurveyParams,
  type SurveySource,
} from './survey-source';
import { useRatingStatus, type RatingStatusState } from './use-rating-status';
import { useVisit } from './use-visit';
import './survey.scss';

function SurveyHeader({ heading }: { heading: Heading }) {
  return (
    <View className="yst-header">
      <Text className="yst-header__title">{heading.title}</Text>
      <Text className="yst-header__subtitle">{heading.subtitle}</Text>
    </View>
  );
}

function Gate({ children }: { children: JSX.Element }) {
  const session = useMe();
  if (!session.token) {
    return (
      <View>
        <Text className="yst-note">评价需以企业身份登录，他人不能代为评价。</Text>
        <LoginPanel />
      </View>
    );
  }
  if (session.user && session.user.role !== 'enterprise') {
    return <Empty title="请使用企业账号评价" description="工作人员账号不能代企业评价" />;
  }
  // Unknown (offline, /me not answered) is not "unbound": let the server decide on submit.
  if (session.enterprise === null) {
    return (
      <View className="yst-field">
        <Text className="yst-field__label">请先绑定企业</Text>
        <Text className="yst-field__hint">评价以企业名义提交，绑定后即可评价。</Text>
        <View className="yst-actions">
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
            绑定企业
          </Button>
        </View>
      </View>
    );
  }
  return children;
}

function VisitSurvey({ scene }: { scene: string }) {
  const session = useMe();
  const { state, reload } = useVisit(scene, Boolean(session.token));
  if (state.kind === 'loading') return <Skeleton rows={6} animated />;
  if (state.kind === 'offline') {
    return (
      <View className="yst-sv-result yst-sv-result--waiting" ariaRole="status">
        <Text className="yst-sv-result__title">网络不可用</Text>
        <Text className="yst-sv-result__text">网络恢复后将自动加载评价内容。</Text>
        <View className="yst-actions">
          <Button block onClick={reload}>
            重试
          </Button>
        </View>
      </View>
    );
  }
  if (state.kind === 'error') return <Empty title="无法打开评价" description={state.message} />;
  const { visit } = state;
  const heading = {
    title: visit.project?.name ?? `${visit.department.name}服务评价`,
    subtitle: [visit.enterprise.name, visit.stage ? `阶段：${visit.stage}` : '', `服务部门：${visit.department.name}`].filter(Boolean).join(' · '),
  };
  return (
    <View>
      <SurveyHeader heading={heading} />
      {visit.ratedAt ? (
        <View className="yst-sv-result" ariaRole="status">
          <Text className="yst-sv-result__title">您已评价过</Text>
          <Text className="yst-sv-result__text">本次走访已完成评价，感谢您的反馈。</Text>
        </View>
      ) : (
        <FormUnlessRated name={draftName({ kind: 'visit', scene })} ratedAt={visit.alreadyRatedAt ?? null} note="本次走访无需再评价。">
          <SurveyForm key={scene} draftName={draftName({ kind: 'visit', scene })} target={visit.target} visitId={visit.id} />
        </FormUnlessRated>
      )}
    </View>
  );
}

/**
 * The form, unless this stage is already rated. A survey waiting in the offline queue keeps its form:
 * that screen follows the queued rating to its outcome.
 */
function FormUnlessRated({ name, ratedAt, note, children }: { name: string; ratedAt: string | null; note?: string; children: JSX.Element }) {
  const waiting = Boolean(loadDraft(name).queuedKey);
  const rated = Boolean(ratedAt) && !waiting;
  // Nothing typed here can be sent any more.
  useEffect(() => {
    if (rated) clearDraft(name);
  }, [rated, name]);
  if (!ratedAt || !rated) return children;
  return <AlreadyRated ratedAt={ratedAt} note={note} />;
}

/** The hub rates a department once a quarter: say when it can be rated again. */
function quarterNote(state: RatingStatusState): string | undefined {
  return state.kind === 'ready' && state.status.target.kind === 'department' && state.status.stage.endsWith('季度') ? '每个部门每季度可评价一次，下季度可再次评价。' : undefined;
}

function TargetSurvey({ source }: { source: Extract<SurveySource, { kind: 'target' }> }) {
  const name = draftName(source);
  const state = useRatingStatus(source.target, name, true);
  if (state.kind === 'refused') return <Empty title="无法打开评价" description={state.message} />;
  const heading = state.kind === 'ready' ? headingFromStatus(state.status) : placeholderHeading(source.target, source.title);
  return (
    <View>
      <SurveyHeader heading={heading} />
      {/* The form is there at once (its draft too, offline or on a slow line); an answer of 已评价 replaces it. */}
      <FormUnlessRated name={name} ratedAt={state.kind === 'ready' ? state.status.ratedAt : null} note={quarterNote(state)}>
        <SurveyForm key={name} draftName={name} target={source.target} visitId={null} />
      </FormUnlessRated>
    </View>
  );
}

/** 服务评价: from a visit QR (scene), a delivery, a project stage or a department. */
export function SurveyScreen({ params }: { params: SurveyParams }) {
  const source = surveySourceFromParams(params);
  return (
    <Page title="服务评价">
      {source === null ? (
        <SurveyHub autoScan={params.scan === '1'} />
      ) : (
        <Gate>{source.kind === 'visit' ? <VisitSurvey scene={source.scene} /> : <TargetSurvey source={source} />}</Gate>
      )}
    </Page>
  );
}
