import type { RatingStatus, RatingTarget } from '@contract/satisfaction';
import { chinaDate } from '@/lib/china-time';

/** Where a survey comes from: a visit's QR code (resolved by the server) or a target named in the link. */
export type SurveySource =
  | { kind: 'visit'; scene: string }
  | { kind: 'target'; target: RatingTarget; title: string | null };

export type SurveyParams = Record<string, string | undefined>;

const SCENE = /^[A-Za-z0-9]{1,32}$/;
const positiveId = (value: string | undefined): number | null => {
  if (!value || !/^\d{1,12}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
};

// Query values arrive encoded once on H5 and once more when WeChat passes a code's scene.
function decode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value.trim();
  }
}

/** The page's query → what to rate; null when the link names nothing ratable (the hub is shown). */
export function surveySourceFromParams(raw: SurveyParams): SurveySource | null {
  const p = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decode(v)]));
  const title = p.title ? p.title.slice(0, 60) : null;
  if (p.scene && SCENE.test(p.scene)) return { kind: 'visit', scene: p.scene };
  const deliveryId = positiveId(p.deliveryId);
  if (deliveryId) return { kind: 'target', target: { kind: 'delivery', deliveryId }, title };
  const projectId = positiveId(p.projectId);
  if (projectId && p.stage) return { kind: 'target', target: { kind: 'project', projectId, stage: p.stage.slice(0, 30) }, title };
  const departmentId = positiveId(p.departmentId);
  if (departmentId) {
    const stage = p.stage ? p.stage.slice(0, 30) : undefined;
    return { kind: 'target', target: stage ? { kind: 'department', departmentId, stage } : { kind: 'department', departmentId }, title };
  }
  return null;
}

/** A stable name for the draft of this survey (one draft per thing and stage). */
export function draftName(source: SurveySource): string {
  if (source.kind === 'visit') return `visit:${source.scene}`;
  const t = source.target;
  if (t.kind === 'delivery') return `delivery:${t.deliveryId}`;
  if (t.kind === 'project') return `project:${t.projectId}:${t.stage}`;
  return `department:${t.departmentId}:${t.stage ?? ''}`;
}

/** What the header says is being rated when the server has not named it (links without a title). */
export function fallbackTitle(target: RatingTarget): string {
  // Not the booking's id: people read a number here as the courier's tracking number. The delivery page
  // links with the booking's day and items as `title`; a link without one names the service alone.
  if (target.kind === 'delivery') return '证照递送服务';
  if (target.kind === 'project') return '重点项目服务';
  return '部门服务';
}

/** The heading of a department's survey: which department, so nobody rates the wrong one. */
export function departmentTitle(name: string): string {
  return `${name} · 部门服务`;
}

/** The survey of a department's service in one stage (the hub's 评价部门服务 uses the quarter). */
export function departmentSurveyUrl(department: { id: number; name: string }, stage: string): string {
  const query = [`departmentId=${department.id}`, `stage=${encodeURIComponent(stage)}`, `title=${encodeURIComponent(departmentTitle(department.name))}`];
  return `/pages/survey/index?${query.join('&')}`;
}

export interface Heading {
  title: string;
  subtitle: string;
}

/** Until the server names the thing: the link's title (our own pages set it), else the kind of service. */
export function placeholderHeading(target: RatingTarget, title: string | null): Heading {
  const stage = target.kind === 'delivery' ? '' : target.stage ?? '';
  return { title: title ?? fallbackTitle(target), subtitle: stage ? `阶段：${stage}` : '请为本次服务评价' };
}

/** A delivery as the enterprise booked it: its day and what was delivered (as the delivery page names it). */
export function deliveryTitle(delivery: NonNullable<RatingStatus['delivery']>, now: Date = new Date()): string {
  const items = delivery.items.map((i) => (i.kind === '其他' && i.description ? i.description : i.kind)).join('、');
  return `证照递送服务 · ${chinaDate(delivery.date, now)} ${items}`.trim();
}

/** The heading as the server names the thing; never the link's text, which anyone can edit. */
export function headingFromStatus(status: RatingStatus, now: Date = new Date()): Heading {
  const stage = status.stage ? `阶段：${status.stage}` : '';
  if (status.target.kind === 'delivery') return { title: status.delivery ? deliveryTitle(status.delivery, now) : status.title, subtitle: '请为本次服务评价' };
  if (status.target.kind === 'department') return { title: departmentTitle(status.title), subtitle: stage || '请为本次服务评价' };
  return { title: status.title, subtitle: [stage, `服务部门：${status.department.name}`].filter(Boolean).join(' · ') };
}
