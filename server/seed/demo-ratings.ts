import { randomBytes } from 'node:crypto';
import type { RatingScores } from '../../types/satisfaction';
import { TICKET_THRESHOLD } from '../../types/satisfaction';
import { parsePeriod, quarterOf, quartersEndingWith } from '../repositories/stats-period';
import type { TicketPatch } from '../repositories/tickets';
import { departmentServices, keptClearOf, lukewarm, praise, ticketStories, type TicketStory } from './data/activity';
import { ownerOf } from './demo-accounts';
import type { DeliveredBookings } from './demo-deliveries';
import { chinaInstant, daysAgoAt, lookup, pick, settle, shiftDate, type DemoContext } from './demo-context';

/** Quarters of history: this one and the four before, so the dashboard's trend has a shape. */
const QUARTERS = 5;
/** Enterprises rating each department per quarter: above the 5-rater threshold, so figures show. */
const RATERS_MIN = 6;
const RATERS_SPREAD = 3;
/** The security tests' third enterprise stays unbound ("nobody is bound to it"). */
const NEVER_BOUND = new Set([2]);

type Target = { kind: 'department'; departmentId: number; stage: string } | { kind: 'project'; project: number; stage: string } | { kind: 'delivery'; deliveryId: number };

interface RatingInput {
  enterprise: number;
  target: Target;
  scores: RatingScores;
  comment: string;
  problem?: { category: string; description: string };
  at: string;
  visitId?: number;
}

/** A quarter as a number (year × 4 + quarter − 1), so stages rotate the same way whichever quarters are seeded. */
const quarterNumber = (quarter: string) => Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(5)) - 1;

/**
 * The service a department is rated on: a different one each quarter for the same enterprise, as
 * 一事多评 allows (one rating per enterprise, thing and stage).
 */
function serviceStage(department: string, at: string, enterprise: number): string {
  const services = departmentServices[department];
  return services[(quarterNumber(quarterOf(at)) + enterprise) % services.length];
}

/**
 * One rating as POST /ratings writes it: the rating with its rater count, the pre-aggregated
 * scores, the delivery or visit marked rated. null when this enterprise already rated that stage.
 */
async function rate(ctx: DemoContext, input: RatingInput): Promise<{ id: number; departmentId: number; projectId: number | null; quarter: string; userId: number } | null> {
  const { repos } = ctx;
  const userId = await ownerOf(ctx, input.enterprise);
  const t = input.target;
  const project = t.kind === 'project' ? ctx.projects[t.project] : null;
  const departmentId = t.kind === 'department' ? t.departmentId : project ? project.departmentId : lookup(ctx.departments, ctx.config.deliveryDepartment, '部门');
  const projectId = project?.id ?? null;
  const quarter = quarterOf(input.at);
  const id = await repos.ratings.insert({
    enterprise_id: ctx.enterprises[input.enterprise].id,
    user_id: userId,
    target_kind: t.kind,
    target_id: t.kind === 'department' ? t.departmentId : t.kind === 'project' ? project!.id : t.deliveryId,
    stage: t.kind === 'delivery' ? '' : t.stage,
    department_id: departmentId,
    project_id: projectId,
    quarter,
    ...input.scores,
    comment: input.comment,
    problem_category: input.problem?.category ?? null,
    problem_description: input.problem?.description ?? null,
    photo_count: 0,
    visit_id: input.visitId ?? null,
    created_at: input.at,
  });
  if (id === null) return null;
  ctx.counts.ratings++;
  await repos.ratings.bumpStats({ departmentId, projectId, quarter }, input.scores, 1);
  if (t.kind === 'delivery') await repos.deliveries.markRated(t.deliveryId, input.at);
  if (input.visitId !== undefined) await repos.visits.markRated(input.visitId, id, input.at);
  return { id, departmentId, projectId, quarter, userId };
}

function scoresFor(random: () => number, overall: number): RatingScores {
  const near = () => Math.max(1, Math.min(5, overall + pick(random, [-1, 0, 0, 0, 1])));
  return { overall, efficiency: near(), level: near(), attitude: near() };
}

/** Mostly 满意 and 非常满意, a little better each quarter; the 1s and 2s are the ticket stories. */
function drawOverall(random: () => number, quarterIndex: number): number {
  const r = random();
  const veryGood = 0.4 + 0.06 * quarterIndex;
  return r < veryGood ? 5 : r < veryGood + 0.38 ? 4 : 3;
}

const commentFor = (random: () => number, overall: number) => pick(random, overall >= 4 ? praise : lukewarm);

/** A moment on a working day of [from, to], during office hours, never after the seed's clock. */
function officeInstant(ctx: DemoContext, from: string, to: string): string | null {
  const days: string[] = [];
  for (let d = from; d <= to; d = shiftDate(d, 1)) if (ctx.calendar.isWorkingDay(d)) days.push(d);
  if (days.length === 0) return null;
  const minutes = 9 * 60 + Math.floor(ctx.random() * 8 * 60);
  const at = chinaInstant(pick(ctx.random, days), `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
  const latest = Date.parse(ctx.now) - 60_000 * (5 + Math.floor(ctx.random() * 120));
  return Date.parse(at) <= latest ? at : new Date(latest).toISOString();
}

/**
 * A bad rating and the ticket it raised, walked through the steps the department and the
 * enterprise took, each with its history event, exactly as the ticket routes record them (the
 * ticket_stats triggers do the counting).
 */
async function tellTicketStory(ctx: DemoContext, story: TicketStory, departmentStaff: Map<number, number>, delivered: DeliveredBookings): Promise<void> {
  const { repos, calendar } = ctx;
  const departmentId = lookup(ctx.departments, story.department, '部门');
  const staffId = departmentStaff.get(departmentId) ?? null;
  const booking = story.key === 'delivery' ? delivered.get(story.enterprise)?.[0] : undefined;
  if (story.key === 'delivery' && !booking) return; // its booking found no slot place
  const planned = [daysAgoAt(ctx, story.ratedDaysAgo, '10:20')];
  // Rated once the licence had arrived.
  if (booking) planned[0] = new Date(Math.max(Date.parse(planned[0]), Date.parse(booking.at) + 3_600_000)).toISOString();
  const steps = (['callback', 'rectify', 'reopen', 'confirm'] as const).filter((s) => story[s] !== undefined);
  for (const s of steps) planned.push(daysAgoAt(ctx, story[s]!.daysAgo, s === 'callback' ? '15:00' : s === 'rectify' ? '16:10' : '10:40'));
  const times = settle(ctx.now, planned);
  const ratedAt = times[0];

  const target: Target = booking
    ? { kind: 'delivery', deliveryId: booking.id }
    : { kind: 'department', departmentId, stage: story.service ?? serviceStage(story.department, ratedAt, story.enterprise) };
  const rated = await rate(ctx, { enterprise: story.enterprise, target, scores: scoresFor(ctx.random, story.overall), comment: story.comment, problem: story.problem, at: ratedAt });
  if (!rated) throw new Error(`演示差评工单 ${story.key} 的评价重复`);
  if (story.overall > TICKET_THRESHOLD) throw new Error(`演示差评工单 ${story.key} 的评分应不高于 ${TICKET_THRESHOLD}`);

  let deadline = calendar.deadlineAt(ratedAt, ctx.config.rectifyWorkingDays);
  const ticketId = await repos.tickets.insert({
    rating_id: rated.id,
    department_id: rated.departmentId,
    enterprise_id: ctx.enterprises[story.enterprise].id,
    project_id: rated.projectId,
    quarter: rated.quarter,
    status: 'open',
    deadline_at: deadline,
    callback_due_at: calendar.deadlineAt(ratedAt, 1),
    created_at: ratedAt,
    updated_at: ratedAt,
  });
  ctx.counts.tickets++;
  await repos.tickets.addEvent({ ticketId, action: 'created', at: ratedAt, byName: '系统', actorUserId: null, note: `整体满意度 ${story.overall} 分，自动生成整改工单` });

  let reopenCount = 0;
  for (const [i, step] of steps.entries()) {
    const at = times[i + 1];
    const byDepartment = step === 'callback' || step === 'rectify';
    let from: string[];
    let patch: TicketPatch;
    let note: string | null;
    if (step === 'callback') {
      from = ['open', 'reopened'];
      patch = { status: 'called_back', callback_at: at, callback_outcome: story.callback!.outcome };
      note = story.callback!.outcome;
    } else if (step === 'rectify') {
      from = ['called_back'];
      patch = { status: 'rectified', fix: story.rectify!.fix, reply: story.rectify!.reply, rectified_at: at, rectified_on_time: at <= deadline ? 1 : 0 };
      note = story.rectify!.reply;
    } else if (step === 'reopen') {
      from = ['rectified'];
      deadline = calendar.deadlineAt(at, ctx.config.rectifyWorkingDays);
      reopenCount++;
      patch = { status: 'reopened', reopen_count: reopenCount, deadline_at: deadline, callback_due_at: calendar.deadlineAt(at, 1), rectified_at: null, rectified_on_time: null };
      note = story.reopen!.reason;
    } else {
      from = ['rectified'];
      patch = { status: 'closed', closed_at: at };
      note = null;
    }
    if (!(await repos.tickets.transition(ticketId, from, { ...patch, updated_at: at }))) throw new Error(`演示差评工单 ${story.key} 无法${step}`);
    await repos.tickets.addEvent({
      ticketId,
      action: step,
      at,
      // The history names a department or "企业", never a person.
      byName: byDepartment ? story.department : '企业',
      actorUserId: byDepartment ? staffId : rated.userId,
      note,
    });
  }
}

/** A 走访 by a visitor: the QR scene, and the owner's rating through it when `ratedDaysAgo` is set. */
interface VisitStory {
  visitor: string;
  enterprise: number;
  target: { department: string; stage: string } | { project: number; stage: number };
  daysAgo: number;
  overall?: number;
}

const VISITS: VisitStory[] = [
  { visitor: 'visitor1', enterprise: 10, target: { department: '区营商办', stage: '政策宣讲走访' }, daysAgo: 2, overall: 5 },
  { visitor: 'visitor1', enterprise: 26, target: { project: 6, stage: 2 }, daysAgo: 5, overall: 4 },
  { visitor: 'visitor2', enterprise: 18, target: { project: 3, stage: 2 }, daysAgo: 8, overall: 4 },
  { visitor: 'visitor1', enterprise: 44, target: { project: 5, stage: 2 }, daysAgo: 0 },
];

const SCENE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
/** As unguessable as the visits route's own codes: the scene opens a survey. */
function newScene(): string {
  let out = '';
  for (const b of randomBytes(16)) out += SCENE_ALPHABET[b % SCENE_ALPHABET.length];
  return out;
}

async function seedVisits(ctx: DemoContext): Promise<void> {
  for (const v of VISITS) {
    if (keptClearOf.has(v.enterprise)) throw new Error(`演示走访不应使用浏览器测试所用的企业 #${v.enterprise}`);
    const visitorId = lookup(ctx.staff, v.visitor, '工作人员');
    const project = 'project' in v.target ? ctx.projects[v.target.project] : null;
    if (project && project.enterpriseIndex !== v.enterprise) throw new Error(`演示走访：项目 ${project.name} 不属于企业 #${v.enterprise}`);
    const departmentId = project ? project.departmentId : lookup(ctx.departments, (v.target as { department: string }).department, '部门');
    const stage = project ? project.stages[(v.target as { stage: number }).stage] : (v.target as { stage: string }).stage;
    const [openedAt, ratedAt] = settle(ctx.now, [daysAgoAt(ctx, v.daysAgo, '10:05'), daysAgoAt(ctx, v.daysAgo, '10:18')]);
    const visitId = await ctx.repos.visits.insert({ scene: newScene(), visitorUserId: visitorId, enterpriseId: ctx.enterprises[v.enterprise].id, projectId: project?.id ?? null, departmentId, stage, now: openedAt });
    if (visitId === null || v.overall === undefined) continue;
    const target: Target = project ? { kind: 'project', project: ctx.projects.indexOf(project), stage } : { kind: 'department', departmentId, stage };
    await rate(ctx, { enterprise: v.enterprise, target, scores: scoresFor(ctx.random, v.overall), comment: commentFor(ctx.random, v.overall), at: ratedAt, visitId });
  }
}

export interface RatingSummary {
  ratings: number;
  tickets: number;
}

/**
 * Ratings of five departments over five quarters by enough enterprises that their figures show,
 * key-project stages rated by their owners (one rater each, so those groups stay suppressed, as
 * the rule says), delivered bookings rated, visits, and the bad ratings' tickets in every state.
 */
export async function seedRatings(ctx: DemoContext, departmentStaff: Map<number, number>, delivered: DeliveredBookings): Promise<RatingSummary> {
  const { random } = ctx;
  // Stories first: where the rotation later gives the same enterprise that stage, it skips it (one rating per stage).
  for (const story of ticketStories) await tellTicketStory(ctx, story, departmentStaff, delivered);

  const quarters = quartersEndingWith(quarterOf(ctx.now), QUARTERS);
  const pool = ctx.enterprises.map((_, i) => i).filter((i) => !NEVER_BOUND.has(i));
  for (const [qi, quarter] of quarters.entries()) {
    const { from, to } = parsePeriod(quarter);
    const until = to < ctx.today ? to : ctx.today;
    for (const [di, department] of Object.keys(departmentServices).entries()) {
      const departmentId = lookup(ctx.departments, department, '部门');
      const raters = RATERS_MIN + Math.floor(random() * RATERS_SPREAD);
      const first = (qi * 7 + di * 11) % pool.length;
      for (let k = 0; k < raters; k++) {
        const enterprise = pool[(first + k) % pool.length];
        const at = officeInstant(ctx, from, until);
        if (!at) continue;
        const overall = drawOverall(random, qi);
        const stage = serviceStage(department, at, enterprise);
        await rate(ctx, { enterprise, target: { kind: 'department', departmentId, stage }, scores: scoresFor(random, overall), comment: commentFor(random, overall), at });
      }
    }
  }

  // Owners rate their key projects' early stages; the browser test rates the first project's third stage itself.
  for (const [pi, project] of ctx.projects.entries()) {
    const stages = pi === 0 ? [0] : [0, 1];
    for (const s of stages) {
      const quarter = quarters[s === 0 ? 1 : 3];
      const { from, to } = parsePeriod(quarter);
      const at = officeInstant(ctx, from, to < ctx.today ? to : ctx.today);
      if (!at) continue;
      const overall = 4 + Math.floor(random() * 2);
      await rate(ctx, { enterprise: project.enterpriseIndex, target: { kind: 'project', project: pi, stage: project.stages[s] }, scores: scoresFor(random, overall), comment: commentFor(random, overall), at });
    }
  }

  // Licences that arrived are rated by most owners (the late one's is a ticket story above).
  for (const [enterprise, bookings] of delivered) {
    for (const booking of bookings) {
      const [at] = settle(ctx.now, [new Date(Date.parse(booking.at) + 2 * 3_600_000).toISOString()]);
      const overall = enterprise === 0 ? 5 : 4 + Math.floor(random() * 2);
      await rate(ctx, { enterprise, target: { kind: 'delivery', deliveryId: booking.id }, scores: scoresFor(random, overall), comment: commentFor(random, overall), at });
    }
  }

  await seedVisits(ctx);

  return { ratings: ctx.counts.ratings, tickets: ctx.counts.tickets };
}
