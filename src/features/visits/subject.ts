import type { KeyProject } from '@contract/project';
import type { NewVisit } from '@contract/satisfaction';

/** What a visit asks the owner to rate: one stage of a key project, or the visitor's department's service. */
export type VisitSubject = { kind: 'project'; project: KeyProject; stage: string } | { kind: 'department'; stage: string };

export const DEPARTMENT_SERVICE = '部门服务';

export function visitBody(enterpriseId: number, subject: VisitSubject): NewVisit {
  const stage = subject.stage.trim();
  return subject.kind === 'project' ? { enterpriseId, projectId: subject.project.id, stage } : { enterpriseId, stage };
}

/** Ready to open: a stage is chosen (a listed one for a project with fixed stages). */
export function isComplete(subject: VisitSubject | null): subject is VisitSubject {
  if (!subject || !subject.stage.trim()) return false;
  if (subject.kind === 'project' && subject.project.stages.length > 0) return subject.project.stages.includes(subject.stage);
  return true;
}

/** The line under the enterprise name on the code: what is rated, and at which stage. */
export function subjectLabel(subject: VisitSubject): string {
  const what = subject.kind === 'project' ? subject.project.name : DEPARTMENT_SERVICE;
  return `${what} · ${subject.stage.trim()}`;
}
