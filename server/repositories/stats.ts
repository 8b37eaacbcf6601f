import { sql, type Kysely } from 'kysely';
import { MIN_GROUP_RATERS, type QuarterlyFigureKey, type StatsGroupBy } from '../../types/satisfaction';
import type { Database } from '../db/schema';
import './benefit-tables';
import './delivery-tables';
import './rating-tables';
import './stats-tables';
import type { RaterGroupKind } from './stats-tables';
import type { PeriodRange } from './stats-period';
import { RUNNING_STATUSES } from './tickets';

export interface ScoreSums {
  /** Group id: department or project id, null for quarter/total groups. */
  id: number | null;
  quarter: string | null;
  counts: [number, number, number, number, number];
  sumEfficiency: number;
  sumLevel: number;
  sumAttitude: number;
}

export interface TicketSums {
  id: number | null;
  raised: number;
  calledBack: number;
  rectified: number;
  rectifiedOnTime: number;
  overdue: number;
}

export type RaterScope = { kind: 'department' | 'project'; id: number } | { kind: 'all' };

const n = (v: unknown) => Number(v ?? 0);

/**
 * Raters of each group over the quarters: MIN_GROUP_RATERS when there are at least that many,
 * otherwise a number below it (what suppression decides on). One quarter is a column
 * read. Over several quarters an enterprise may rate in more than one, so the per-quarter counts
 * only bound the distinct count: at least the largest, at most the sum. Only a group whose bounds
 * straddle the threshold is counted exactly, from its rater rows (never from the ratings).
 */
async function settleRaters(
  db: Kysely<Database>,
  kind: RaterGroupKind,
  ids: readonly number[],
  quarters: readonly string[],
  rows: readonly { group_id: number; quarter: string; raters: number }[],
): Promise<[number, number][]> {
  const bounds = new Map<number, { max: number; sum: number }>();
  for (const r of rows) {
    const raters = Number(r.raters);
    const b = bounds.get(Number(r.group_id)) ?? { max: 0, sum: 0 };
    b.max = Math.max(b.max, raters);
    b.sum += raters;
    bounds.set(Number(r.group_id), b);
  }
  const out: [number, number][] = [];
  for (const id of ids) {
    const b = bounds.get(id) ?? { max: 0, sum: 0 };
    if (b.max >= MIN_GROUP_RATERS) out.push([id, MIN_GROUP_RATERS]);
    else if (b.sum < MIN_GROUP_RATERS || quarters.length === 1) out.push([id, Math.min(b.sum, MIN_GROUP_RATERS)]);
    else out.push([id, await distinctRaters(db, kind, id, quarters)]);
  }
  return out;
}

async function distinctRaters(db: Kysely<Database>, kind: RaterGroupKind, id: number, quarters: readonly string[]): Promise<number> {
  const rows = await db
    .selectFrom('rating_raters')
    .select('enterprise_id')
    .distinct()
    .where('group_kind', '=', kind)
    .where('group_id', '=', id)
    .where('quarter', 'in', quarters)
    .where('ratings', '>', 0)
    .limit(MIN_GROUP_RATERS)
    .execute();
  return rows.length;
}

export function statsRepository(db: Kysely<Database>) {
  const settle = (kind: RaterGroupKind, ids: readonly number[], quarters: readonly string[], rows: readonly { group_id: number; quarter: string; raters: number }[]) =>
    settleRaters(db, kind, ids, quarters, rows);

  const sums = (eb: { fn: Kysely<Database>['fn'] }) => [
    eb.fn.sum<number>('n1').as('n1'),
    eb.fn.sum<number>('n2').as('n2'),
    eb.fn.sum<number>('n3').as('n3'),
    eb.fn.sum<number>('n4').as('n4'),
    eb.fn.sum<number>('n5').as('n5'),
    eb.fn.sum<number>('sum_efficiency').as('se'),
    eb.fn.sum<number>('sum_level').as('sl'),
    eb.fn.sum<number>('sum_attitude').as('sa'),
  ];

  /** ratersUpToMin for the groups of one page in one read of the counts. */
  async function ratersUpToMinMany(kind: RaterScope['kind'], ids: readonly number[], quarters: readonly string[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('rating_group_raters')
      .select(['group_id', 'quarter', 'raters'])
      .where('group_kind', '=', kind)
      .where('quarter', 'in', quarters)
      .where('group_id', 'in', ids)
      .execute();
    return new Map(await settle(kind, ids, quarters, rows));
  }

  return {
    /** Score counts from the pre-aggregates, grouped as asked (`null` = one total row). */
    async scoreSums(quarters: readonly string[], by: StatsGroupBy | null, ids?: readonly number[]): Promise<ScoreSums[]> {
      if (ids?.length === 0) return [];
      let q = db.selectFrom('rating_stats').where('quarter', 'in', quarters);
      if (by === 'project') q = q.where('project_id', '<>', 0);
      if (ids && by === 'project') q = q.where('project_id', 'in', ids);
      if (ids && by === 'department') q = q.where('department_id', 'in', ids);
      const base = q.select((eb) => sums(eb));
      const rows =
        by === 'department'
          ? await base.select('department_id as gid').groupBy('department_id').execute()
          : by === 'project'
            ? await base.select('project_id as gid').groupBy('project_id').execute()
            : by === 'quarter'
              ? await base.select('quarter as gq').groupBy('quarter').execute()
              : await base.execute();
      return rows.map((r) => {
        const row = r as typeof r & { gid?: number; gq?: string };
        return {
          id: row.gid ?? null,
          quarter: row.gq ?? null,
          counts: [n(r.n1), n(r.n2), n(r.n3), n(r.n4), n(r.n5)],
          sumEfficiency: n(r.se),
          sumLevel: n(r.sl),
          sumAttitude: n(r.sa),
        };
      });
    },

    /**
     * Distinct raters of a group, counted only up to MIN_GROUP_RATERS (all suppression needs),
     * read from the counts kept with every rating (migration 0006).
     */
    async ratersUpToMin(scope: RaterScope, quarters: readonly string[]): Promise<number> {
      const id = scope.kind === 'all' ? 0 : scope.id;
      return (await ratersUpToMinMany(scope.kind, [id], quarters)).get(id) ?? 0;
    },

    ratersUpToMinMany,

    async excludedByAppeal(quarters: readonly string[]): Promise<number> {
      const row = await db
        .selectFrom('ratings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('quarter', 'in', quarters)
        .where('voided', '=', 1)
        .executeTakeFirstOrThrow();
      return n(row.n);
    },

    /**
     * Ticket figures from ticket_stats (kept by triggers on tickets), plus overdue — which moves with
     * the clock — counted over the running tickets' index range for the quarters.
     */
    async ticketSums(quarters: readonly string[], by: 'department' | 'project' | null, now: string, ids?: readonly number[]): Promise<TicketSums[]> {
      if (ids?.length === 0) return [];
      // Grouped by an expression, not the bare column: otherwise SQLite walks the whole quarter in
      // tickets_stats_idx order to skip a sort, instead of the running tickets' range in tickets_running_idx.
      const groupKey = by === 'department' ? sql<number>`department_id + 0` : sql<number>`project_id + 0`;
      let kept = db
        .selectFrom('ticket_stats')
        .select((eb) => [
          eb.fn.sum<number>('raised').as('raised'),
          eb.fn.sum<number>('called_back').as('called_back'),
          eb.fn.sum<number>('rectified').as('rectified'),
          eb.fn.sum<number>('on_time').as('on_time'),
        ])
        .where('quarter', 'in', quarters);
      let overdue = db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('quarter', 'in', quarters)
        .where('status', 'in', RUNNING_STATUSES)
        .where('deadline_at', '<', now);
      if (by === 'project') {
        kept = kept.where('project_id', '<>', 0);
        overdue = overdue.where('project_id', 'is not', null);
      }
      if (ids && by === 'project') {
        kept = kept.where('project_id', 'in', ids);
        overdue = overdue.where('project_id', 'in', ids);
      }
      if (ids && by === 'department') {
        kept = kept.where('department_id', 'in', ids);
        overdue = overdue.where('department_id', 'in', ids);
      }
      const grouped = async () => {
        const sums = by === 'department' ? kept.select('department_id as gid').groupBy('department_id') : kept.select('project_id as gid').groupBy('project_id');
        return Promise.all([sums.having((eb) => eb.fn.sum('raised'), '>', 0).execute(), overdue.select(groupKey.as('gid')).groupBy(groupKey).execute()]);
      };
      const [keptRows, overdueRows] = by === null ? await Promise.all([kept.execute(), overdue.execute()]) : await grouped();
      const gidOf = (r: object): number | null => ('gid' in r && r.gid !== null ? Number(r.gid) : null);
      const overdueBy = new Map(overdueRows.map((r) => [gidOf(r), n(r.n)]));
      return keptRows.map((r) => {
        const id = gidOf(r);
        return {
          id,
          raised: n(r.raised),
          calledBack: n(r.called_back),
          rectified: n(r.rectified),
          rectifiedOnTime: n(r.on_time),
          // Overdue tickets are live ones, so their group is among those with raised > 0.
          overdue: overdueBy.get(id) ?? 0,
        };
      });
    },

    /**
     * The groups of a kind that have ratings (rows of rating_stats, even if appeals emptied them) or
     * live tickets in the quarters: one keyset page of their ids (> `after`, ascending) and how many
     * there are in all. Both read the leading `quarter` range of the two tables' indexes.
     */
    async groupPage(kind: 'department' | 'project', quarters: readonly string[], after: number, limit: number): Promise<{ ids: number[]; total: number }> {
      const column = kind === 'department' ? 'department_id' : 'project_id';
      const withData = (from: number) =>
        db
          .selectFrom('rating_stats')
          .select(`${column} as gid`)
          .where('quarter', 'in', quarters)
          .where(column, '>', from)
          .union(
            db
              .selectFrom('ticket_stats')
              .select(`${column} as gid`)
              .where('quarter', 'in', quarters)
              .where(column, '>', from)
              .where('raised', '>', 0),
          );
      // Project 0 stands for "no project" in both tables; department ids start at 1.
      const [page, count] = await Promise.all([
        db.selectFrom(withData(after).as('g')).select('gid').orderBy('gid').limit(limit).execute(),
        db.selectFrom(withData(0).as('g')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { ids: page.map((r) => Number(r.gid)), total: n(count.n) };
    },

    async names(kind: 'department' | 'project', ids: readonly number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows =
        kind === 'department'
          ? await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
          : await db.selectFrom('projects').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** Ids behind one quarterly figure (all of them when `page` is omitted), and their count. */
    async figureRows(key: QuarterlyFigureKey, range: PeriodRange, now: string, page?: { limit: number; offset: number }): Promise<{ total: number; ids: number[] }> {
      const { startAt, endAt } = range;
      const both = async (ids: () => Promise<number[]>, count: () => Promise<number>) => {
        const [total, list] = await Promise.all([count(), ids()]);
        return { total, ids: list };
      };
      const countOf = async (q: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) => n((await q.executeTakeFirstOrThrow()).n);
      const lim = <T extends { limit(n: number): T; offset(n: number): T }>(q: T): T => (page ? q.limit(page.limit).offset(page.offset) : q);

      switch (key) {
        case 'ratings': {
          const q = db.selectFrom('ratings').where('created_at', '>=', startAt).where('created_at', '<', endAt);
          return both(async () => (await lim(q.select('id').orderBy('id')).execute()).map((r) => r.id), () => countOf(q.select((eb) => eb.fn.countAll().as('n'))));
        }
        case 'ticketsRaised': {
          const q = db.selectFrom('tickets').where('created_at', '>=', startAt).where('created_at', '<', endAt);
          return both(async () => (await lim(q.select('id').orderBy('id')).execute()).map((r) => r.id), () => countOf(q.select((eb) => eb.fn.countAll().as('n'))));
        }
        case 'ticketsRectified': {
          const q = db
            .selectFrom('tickets')
            .where('status', 'in', ['rectified', 'closed'])
            .where('rectified_at', '>=', startAt)
            .where('rectified_at', '<', endAt);
          return both(async () => (await lim(q.select('id').orderBy('id')).execute()).map((r) => r.id), () => countOf(q.select((eb) => eb.fn.countAll().as('n'))));
        }
        case 'ticketsOverdue': {
          // Deadlines that fell in the period (and have passed) and were not met.
          const until = endAt < now ? endAt : now;
          const q = db
            .selectFrom('tickets')
            .where('status', '<>', 'voided')
            .where('deadline_at', '>=', startAt)
            .where('deadline_at', '<', until)
            .where((eb) => eb.or([eb('rectified_at', 'is', null), eb('rectified_at', '>', eb.ref('deadline_at'))]));
          return both(async () => (await lim(q.select('id').orderBy('id')).execute()).map((r) => r.id), () => countOf(q.select((eb) => eb.fn.countAll().as('n'))));
        }
        case 'reminderLetters': {
          const q = db.selectFrom('reminder_letters').where('created_at', '>=', startAt).where('created_at', '<', endAt);
          return both(async () => (await lim(q.select('id').orderBy('id')).execute()).map((r) => r.id), () => countOf(q.select((eb) => eb.fn.countAll().as('n'))));
        }
        case 'policiesEntered': {
          const q = db.selectFrom('policies').where('created_at', '>=', startAt).where('created_at', '<', endAt);
          return both(async () => (await lim(q.select('id').orderBy('id')).execute()).map((r) => r.id), () => countOf(q.select((eb) => eb.fn.countAll().as('n'))));
        }
        case 'enterprisesBound': {
          // Bindings leave an audit entry (target enterprise:<id>); users keep only the current binding.
          const q = db
            .selectFrom('audit_log')
            .where('action', '=', 'enterprise.bind')
            .where('at', '>=', startAt)
            .where('at', '<', endAt)
            .select('target')
            .distinct();
          const rows = await q.execute();
          const all = rows.map((r) => Number(r.target.replace(/^enterprise:/, ''))).filter((v) => Number.isInteger(v)).sort((a, b) => a - b);
          return { total: all.length, ids: page ? all.slice(page.offset, page.offset + page.limit) : all };
        }
        case 'benefitsPaid': {
          const q = db
            .selectFrom('benefits')
            .where('status', 'in', ['paid', 'archived'])
            .where('paid_on', '>=', range.from)
            .where('paid_on', '<=', range.to);
          return both(async () => (await lim(q.select('id').orderBy('id')).execute()).map((r) => r.id), () => countOf(q.select((eb) => eb.fn.countAll().as('n'))));
        }
        case 'deliveriesDelivered': {
          const q = db
            .selectFrom('deliveries')
            .innerJoin('delivery_handovers', 'delivery_handovers.delivery_id', 'deliveries.id')
            .where('deliveries.status', '=', 'delivered')
            .where('delivery_handovers.at', '>=', startAt)
            .where('delivery_handovers.at', '<', endAt);
          return both(
            async () => (await lim(q.select('deliveries.id').orderBy('deliveries.id')).execute()).map((r) => r.id),
            () => countOf(q.select((eb) => eb.fn.countAll().as('n'))),
          );
        }
      }
    },
  };
}
