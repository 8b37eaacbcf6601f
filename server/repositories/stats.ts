import { sql, type Kysely } from 'kysely';
import { MIN_GROUP_RATERS, type QuarterlyFigureKey, type StatsGroupBy } from '../../types/satisfaction';
import type { Database } from '../db/schema';
import './benefit-tables';
import './delivery-tables';
import './rating-tables';
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

export function statsRepository(db: Kysely<Database>) {
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

  return {
    /** Score counts from the pre-aggregates, grouped as asked (`null` = one total row). */
    async scoreSums(quarters: readonly string[], by: StatsGroupBy | null): Promise<ScoreSums[]> {
      let q = db.selectFrom('rating_stats').where('quarter', 'in', quarters);
      if (by === 'project') q = q.where('project_id', '<>', 0);
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
     * Distinct raters of a group, counted only up to MIN_GROUP_RATERS: all suppression needs,
     * and an index range scan that stops after five distinct enterprises.
     */
    async ratersUpToMin(scope: RaterScope, quarters: readonly string[]): Promise<number> {
      let q = db.selectFrom('ratings').select('enterprise_id').distinct().where('quarter', 'in', quarters).where('voided', '=', 0);
      if (scope.kind === 'department') q = q.where('department_id', '=', scope.id);
      if (scope.kind === 'project') q = q.where('project_id', '=', scope.id);
      const rows = await q.limit(MIN_GROUP_RATERS).execute();
      return rows.length;
    },

    /**
     * ratersUpToMin for many groups in one statement (a dashboard by project has a thousand):
     * a correlated, index-only probe per group, each stopping at MIN_GROUP_RATERS.
     */
    async ratersUpToMinMany(kind: 'department' | 'project', ids: readonly number[], quarters: readonly string[]): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map();
      const column = sql.ref(kind === 'department' ? 'r.department_id' : 'r.project_id');
      const inQuarters = sql.join(quarters.map((q) => sql`${q}`));
      // VALUES rows (SQLite caps UNION ALL at 500 terms); the cast stops PostgreSQL typing them as text.
      const groups = sql`select v.column1 as gid from (values ${sql.join(ids.map((id) => sql`(cast(${id} as integer))`))}) as v`;
      const { rows } = await sql<{ gid: number; raters: number }>`
        select g.gid as gid,
          (select count(*) from (
             select distinct r.enterprise_id from ratings r
             where ${column} = g.gid and r.quarter in (${inQuarters}) and r.voided = 0
             limit ${MIN_GROUP_RATERS}
          ) as probe) as raters
        from (${groups}) as g`.execute(db);
      return new Map(rows.map((r) => [Number(r.gid), Number(r.raters)]));
    },

    async excludedByAppeal(quarters: readonly string[]): Promise<number> {
      const row = await db
        .selectFrom('ratings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('quarter', 'in', quarters)
        .where('voided', '=', 1)
        .executeTakeFirstOrThrow();
      return n(row.n);
    },

    async ticketSums(quarters: readonly string[], by: 'department' | 'project' | null, now: string): Promise<TicketSums[]> {
      const running = sql.join(RUNNING_STATUSES.map((s) => sql.lit(s)));
      let q = db
        .selectFrom('tickets')
        .where('quarter', 'in', quarters)
        .where('status', '<>', 'voided')
        .select((eb) => [
          eb.fn.countAll<number>().as('raised'),
          sql<number>`sum(case when callback_at is not null then 1 else 0 end)`.as('called_back'),
          sql<number>`sum(case when status in ('rectified', 'closed') then 1 else 0 end)`.as('rectified'),
          sql<number>`sum(case when status in ('rectified', 'closed') and rectified_on_time = 1 then 1 else 0 end)`.as('on_time'),
          sql<number>`sum(case when status in (${running}) and deadline_at < ${now} then 1 else 0 end)`.as('overdue'),
        ]);
      if (by === 'project') q = q.where('project_id', 'is not', null);
      const rows =
        by === 'department'
          ? await q.select('department_id as gid').groupBy('department_id').execute()
          : by === 'project'
            ? await q.select('project_id as gid').groupBy('project_id').execute()
            : await q.execute();
      return rows.map((r) => ({
        id: (r as typeof r & { gid?: number | null }).gid ?? null,
        raised: n(r.raised),
        calledBack: n(r.called_back),
        rectified: n(r.rectified),
        rectifiedOnTime: n(r.on_time),
        overdue: n(r.overdue),
      }));
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
