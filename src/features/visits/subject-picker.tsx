import { useEffect, useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { KeyProject } from '@contract/project';
import { fetchRatedStages } from './api';
import { quarterStage } from './stage';
import { DEPARTMENT_SERVICE, type VisitSubject } from './subject';
import { useProjects } from './use-projects';

interface SubjectPickerProps {
  enterpriseId: number;
  subject: VisitSubject | null;
  onChange: (subject: VisitSubject | null) => void;
}

function Option({ selected, title, meta, onPick }: { selected: boolean; title: string; meta: string; onPick: () => void }) {
  return (
    <View className={`yst-vs-option${selected ? ' yst-vs-option--on' : ''}`} ariaRole="radio" ariaLabel={`${title}${selected ? '（已选）' : ''}`} onClick={onPick}>
      <Text className="yst-vs-option__title">{title}</Text>
      <Text className="yst-vs-option__meta">{meta}</Text>
    </View>
  );
}

// A stage already rated reads as done, not as a choice (no visits.scss rule of its own).
const RATED_CHIP_STYLE = { borderStyle: 'dashed', color: '#999999' };

/**
 * The stages the enterprise has already rated, for the project (or, null, the visitor's department's service).
 * Empty while loading or when it cannot be told: the server still refuses such a visit with a clear message.
 */
function useRatedStages(enterpriseId: number, projectId: number | null): string[] {
  const [rated, setRated] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    setRated([]);
    fetchRatedStages(enterpriseId, projectId).then(
      (answer) => alive && setRated(answer.stages),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [enterpriseId, projectId]);
  return rated;
}

function StageChips({ stages, stage, rated, onPick }: { stages: string[]; stage: string; rated: string[]; onPick: (stage: string) => void }) {
  return (
    <View className="yst-field">
      <Text className="yst-field__label">评价阶段</Text>
      <View className="yst-vs-chips" ariaRole="radiogroup" ariaLabel="评价阶段">
        {stages.map((s) =>
          rated.includes(s) ? (
            <View key={s} className="yst-vs-chip yst-vs-chip--rated" style={RATED_CHIP_STYLE} ariaRole="radio" ariaLabel={`${s}（已评价，不可选）`}>
              {s} · 已评价
            </View>
          ) : (
            <View key={s} className={`yst-vs-chip${s === stage ? ' yst-vs-chip--on' : ''}`} ariaRole="radio" ariaLabel={`${s}${s === stage ? '（已选）' : ''}`} onClick={() => onPick(s)}>
              {s}
            </View>
          ),
        )}
      </View>
      <Text className="yst-field__hint">
        {stages.every((s) => rated.includes(s)) ? '该企业已评价过这个项目的全部阶段，可改为评价部门服务。' : '请选择本次走访对应的项目阶段，每个阶段企业只能评价一次。'}
      </Text>
    </View>
  );
}

function StageInput({ stage, hint, rated, onChange }: { stage: string; hint: string; rated: string[]; onChange: (stage: string) => void }) {
  const taken = rated.includes(stage.trim());
  return (
    <View className="yst-field">
      <Text className="yst-field__label">评价阶段</Text>
      <Input name="stage" value={stage} placeholder="如 2026年第四季度走访" maxLength={30} onChange={onChange} />
      {taken ? <Text className="yst-field__error">该企业已评价过“{stage.trim()}”阶段，请填写其他阶段</Text> : <Text className="yst-field__hint">{hint}</Text>}
    </View>
  );
}

/** Stage of a newly chosen project: none yet when it has fixed stages (the visitor must say which). */
function firstStageOf(project: KeyProject): string {
  return project.stages.length > 0 ? '' : quarterStage(new Date());
}

/**
 * What the visit rates: one of the enterprise's key projects and one of its stages, or — always
 * available, and the only choice when the enterprise has no project — the visitor's department's service.
 */
export function SubjectPicker({ enterpriseId, subject, onChange }: SubjectPickerProps) {
  const { state, retry } = useProjects(enterpriseId);
  const noProjects = state.kind === 'ready' && state.items.length === 0;
  const rated = useRatedStages(enterpriseId, subject?.kind === 'project' ? subject.project.id : null);
  const pickedRated = subject !== null && subject.kind === 'project' && subject.project.stages.length > 0 && rated.includes(subject.stage);

  // Picked before the answer came: a rated stage is no choice.
  useEffect(() => {
    if (pickedRated) onChange({ ...subject, stage: '' });
  }, [pickedRated, subject, onChange]);

  // Without projects there is nothing to choose: rate the department's service.
  useEffect(() => {
    if (noProjects && subject === null) onChange({ kind: 'department', stage: quarterStage(new Date()) });
  }, [noProjects, subject, onChange]);

  if (state.kind === 'loading') return <Text className="yst-field__hint yst-vs-subject__status">正在读取该企业的重点项目…</Text>;
  if (state.kind === 'error') {
    return (
      <View className="yst-field">
        <Text className="yst-field__error">未能读取重点项目：{state.message}</Text>
        <Button size="small" fill="outline" onClick={retry}>
          重试
        </Button>
      </View>
    );
  }

  const departmentPicked = subject?.kind === 'department';
  return (
    <View>
      <View className="yst-field">
        <Text className="yst-field__label">评价事项</Text>
        {noProjects ? <Text className="yst-field__hint">该企业暂无重点项目，本次走访评价部门服务。</Text> : null}
        <View ariaRole="radiogroup" ariaLabel="评价事项">
          {state.items.map((project) => (
            <Option
              key={project.id}
              selected={subject?.kind === 'project' && subject.project.id === project.id}
              title={project.name}
              meta={`重点项目 · 负责部门：${project.department.name}`}
              onPick={() => onChange({ kind: 'project', project, stage: firstStageOf(project) })}
            />
          ))}
          <Option
            selected={departmentPicked}
            title={DEPARTMENT_SERVICE}
            meta="评价您所在部门的服务，不针对具体项目"
            onPick={() => onChange({ kind: 'department', stage: departmentPicked ? subject.stage : quarterStage(new Date()) })}
          />
        </View>
      </View>
      {subject?.kind === 'project' && subject.project.stages.length > 0 ? (
        <StageChips stages={subject.project.stages} stage={subject.stage} rated={rated} onPick={(stage) => onChange({ ...subject, stage })} />
      ) : null}
      {subject?.kind === 'project' && subject.project.stages.length === 0 ? (
        <StageInput stage={subject.stage} rated={rated} hint="该项目未设定阶段，请填写本次评价的阶段。" onChange={(stage) => onChange({ ...subject, stage })} />
      ) : null}
      {subject?.kind === 'department' ? (
        <StageInput stage={subject.stage} rated={rated} hint="同一企业对同一部门每个阶段只能评价一次。" onChange={(stage) => onChange({ ...subject, stage })} />
      ) : null}
    </View>
  );
}
