import type { Kysely } from 'kysely';
import { TICKET_THRESHOLD, type RatingScores } from '../../types/satisfaction';
import { keysOf, prepared } from '../db/prepared';
import type { Database } from '../db/schema';
import './rating-tables';
import type { RatingStatsTable, RatingsTable } from './rating-tables';
import './stats-tables';
import type { RaterGroupKind } from './stats-tables';

export type NewRatingRow = Omit<RatingsTable, 'id' | 'voided'>;

export interface StatsKey {
  departmentId: number;
  projectId: number | null;
  quarter: string;
}

export interface RaterKey extends StatsKey {
  enterpriseId: number;
}

/** The statistics groups a rating counts in, always in this order (one lock order for concurrent writers). */
function groupsOf(key: StatsKey): { group_kind: RaterGroupKind; group_id: number }[] {
  const groups: { group_kind: RaterGroupKind; group_id: number }[] = [
    { group_kind: 'all', group_id: 0 },
    { group_kind: 'department', group_id: key.departmentId },
  ];
  if (key.projectId !== null) groups.push({ group_kind: 'project', group_id: key.projectId });
  return groups;
}

// The statements every rating runs, compiled once (server/db/prepared.ts).
const NEW_RATING_KEYS = keysOf<NewRatingRow>({
  enterprise_id: true, user_id: true, target_kind: true, target_id: true, stage: true, department_id: true, project_id: true, quarter: true,
  overall: true, efficiency: true, level: true, attitude: true, comment: true, problem_category: true, problem_description: true,
  photo_count: true, visit_id: true, created_at: true,
});
const insertRating = prepared(
  (db, p: NewRatingRow) =>
    db
      .insertInto('ratings')
      .values({ ...p, voided: 0 })
      .onConflict((oc) => oc.columns(['enterprise_id', 'target_kind', 'target_id', 'stage']).doNothing())
      .returning('id'),
  NEW_RATING_KEYS,
);

type RaterRow = { group_kind: RaterGroupKind; group_id: number; quarter: string; enterprise_id: number; ratings: number };
/** One upsert per number of groups (2 or 3): a statement's shape cannot vary with its values. */
const countFirstRatings = [2, 3].map((groups) =>
  prepared((db, p: Record<string, string | number>) =>
    db
      .insertInto('rating_raters')
      .values(
        Array.from({ length: groups }, (_, i) => ({ group_kind: p[`kind${i}`], group_id: p[`id${i}`], quarter: p.quarter, enterprise_id: p.enterpriseId, ratings: 1 }) as RaterRow),
      )
      .onConflict((oc) => oc.columns(['group_kind', 'group_id', 'quarter', 'enterprise_id']).doUpdateSet((eb) => ({ ratings: eb('rating_raters.ratings', '+', 1) })))
      .returning(['group_kind', 'group_id', 'ratings']),
  ),
);

type StatsRow = RatingStatsTable;
const addToStats = prepared(
  (db, p: StatsRow) =>
    db
      .insertInto('rating_stats')
      .values({ ...p })
      .onConflict((oc) =>
        oc.columns(['department_id', 'project_id', 'quarter']).doUpdateSet((eb) => ({
          n1: eb('rating_stats.n1', '+', eb.ref('excluded.n1')),
          n2: eb('rating_stats.n2', '+', eb.ref('excluded.n2')),
          n3: eb('rating_stats.n3', '+', eb.ref('excluded.n3')),
          n4: eb('rating_stats.n4', '+', eb.ref('excluded.n4')),
          n5: eb('rating_stats.n5', '+', eb.ref('excluded.n5')),
          sum_efficiency: eb('rating_stats.sum_efficiency', '+', eb.ref('excluded.sum_efficiency')),
          sum_level: eb('rating_stats.sum_level', '+', eb.ref('excluded.sum_level')),
          sum_attitude: eb('rating_stats.sum_attitude', '+', eb.ref('excluded.sum_attitude')),
        })),
      ),
  keysOf<StatsRow>({ department_id: true, project_id: true, quarter: true, n1: true, n2: true, n3: true, n4: true, n5: true, sum_efficiency: true, sum_level: true, sum_attitude: true }),
);

const lockTicketStatsRow = prepared((db, p: { quarter: string; departmentId: number; projectId: number }) =>
  db
    .insertInto('ticket_stats')
    .values({ quarter: p.quarter, department_id: p.departmentId, project_id: p.projectId, raised: 0, called_back: 0, rectified: 0, on_time: 0 })
    .onConflict((oc) => oc.columns(['quarter', 'department_id', 'project_id']).doUpdateSet((eb) => ({ raised: eb.ref('ticket_stats.raised') }))),
);

const departmentById = prepared((db, p: { id: number }) => db.selectFrom('departments').select(['id', 'name']).where('id', '=', p.id));

export function ratingsRepository(db: Kysely<Database>) {
  /**
   * Keeps the distinct-rater counts (migration 0006) in step with one rating added (+1) or voided (-1).
   * Call inside the rating's transaction. Each upsert is atomic and row-locked on PostgreSQL, so two
   * concurrent first ratings of an enterprise in a group cannot both see themselves as the first.
   */
  async function countRater(key: RaterKey, delta: 1 | -1): Promise<void> {
    const groups = groupsOf(key);
    let changed: { group_kind: RaterGroupKind; group_id: number }[];
    if (delta === 1) {
      const params: Record<string, string | number> = { quarter: key.quarter, enterpriseId: key.enterpriseId };
      groups.forEach((g, i) => {
        params[`kind${i}`] = g.group_kind;
        params[`id${i}`] = g.group_id;
      });
      const rows = await countFirstRatings[groups.length - 2]!.rows(db, params);
      // 1 = this enterprise's first live rating in the group: one more distinct rater.
      changed = rows.filter((r) => Number(r.ratings) === 1);
    } else {
      changed = [];
      for (const g of groups) {
        const row = await db
          .updateTable('rating_raters')
          .set((eb) => ({ ratings: eb('ratings', '-', 1) }))
          .where('group_kind', '=', g.group_kind)
          .where('group_id', '=', g.group_id)
          .where('quarter', '=', key.quarter)
          .where('enterprise_id', '=', key.enterpriseId)
          .returning('ratings')
          .executeTakeFirst();
        // 0 = its last live rating in the group is gone: one rater fewer.
        if (row && Number(row.ratings) === 0) changed.push(g);
      }
    }
    if (changed.length === 0) return;
    changed.sort((a, b) => groups.findIndex((g) => g.group_kind === a.group_kind) - groups.findIndex((g) => g.group_kind === b.group_kind));
    await db
      .insertInto('rating_group_raters')
      .values(changed.map((g) => ({ group_kind: g.group_kind, quarter: key.quarter, group_id: g.group_id, raters: Math.max(delta, 0) })))
      .onConflict((oc) =>
        oc.columns(['group_kind', 'quarter', 'group_id']).doUpdateSet((eb) => ({ raters: eb('rating_group_raters.raters', '+', delta) })),
      )
      .execute();
  }

  /**
   * A bad rating's transaction will insert a ticket, whose trigger updates ticket_stats after this
   * transaction has locked the rater and score rows. An upheld appeal locks ticket_stats first (its
   * ticket update fires the trigger) and those rows after. Taking the ticket_stats row up front here
   * gives both the same lock order on PostgreSQL, so they queue instead of deadlocking.
   */
  async function lockTicketStats(row: NewRatingRow): Promise<void> {
    await lockTicketStatsRow.affected(db, { quarter: row.quarter, departmentId: row.department_id, projectId: row.project_id ?? 0 });
  }

  return {
    /**
     * null when this enterprise already rated this thing at this stage (the unique constraint decides races).
     * Counts the rater in the same transaction; the caller adds the scores with bumpStats.
     */
    async insert(row: NewRatingRow): Promise<number | null> {
      const inserted = await insertRating.first(db, row);
      if (!inserted) return null;
      if (row.overall <= TICKET_THRESHOLD) await lockTicketStats(row);
      await countRater({ departmentId: row.department_id, projectId: row.project_id, quarter: row.quarter, enterpriseId: row.enterprise_id }, 1);
      return inserted.id;
    },

    async addPhotos(ratingId: number, photos: readonly string[]): Promise<void> {
      if (photos.length === 0) return;
      await db
        .insertInto('rating_photos')
        .values(photos.map((dataUrl, position) => ({ rating_id: ratingId, position, data_url: dataUrl })))
        .execute();
    },

    async photos(ratingId: number): Promise<string[]> {
      const rows = await db.selectFrom('rating_photos').select('data_url').where('rating_id', '=', ratingId).orderBy('position').execute();
      return rows.map((r) => r.data_url);
    },

    /**
     * Adds (delta 1) or removes (delta -1) one rating from the pre-aggregates. A single upsert
     * with `n = n + delta` is atomic on both databases, so concurrent inserts never lose a count.
     */
    async bumpStats(key: StatsKey, scores: RatingScores, delta: 1 | -1): Promise<void> {
      const counts = { n1: 0, n2: 0, n3: 0, n4: 0, n5: 0 };
      counts[`n${scores.overall}` as keyof typeof counts] = delta;
      await addToStats.affected(db, {
        department_id: key.departmentId,
        project_id: key.projectId ?? 0,
        quarter: key.quarter,
        ...counts,
        sum_efficiency: delta * scores.efficiency,
        sum_level: delta * scores.level,
        sum_attitude: delta * scores.attitude,
      });
    },

    /** Marks a rating as removed by an upheld appeal (and its rater uncounted); returns what the statistics must give back, or null if already void. */
    async void(ratingId: number): Promise<{ key: StatsKey; scores: RatingScores } | null> {
      const row = await db
        .updateTable('ratings')
        .set({ voided: 1 })
        .where('id', '=', ratingId)
        .where('voided', '=', 0)
        .returning(['enterprise_id', 'department_id', 'project_id', 'quarter', 'overall', 'efficiency', 'level', 'attitude'])
        .executeTakeFirst();
      if (!row) return null;
      await countRater({ departmentId: row.department_id, projectId: row.project_id, quarter: row.quarter, enterpriseId: row.enterprise_id }, -1);
      return {
        key: { departmentId: row.department_id, projectId: row.project_id, quarter: row.quarter },
        scores: { overall: row.overall, efficiency: row.efficiency, level: row.level, attitude: row.attitude },
      };
    },

    async findProject(id: number) {
      return db.selectFrom('projects').select(['id', 'name', 'department_id', 'enterprise_id', 'stages']).where('id', '=', id).executeTakeFirst();
    },

    async findDepartment(id: number) {
      return departmentById.first(db, { id });
    },

    async departmentByName(name: string) {
      return db.selectFrom('departments').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
    },

    async findDelivery(id: number) {
      return db.selectFrom('deliveries').select(['id', 'enterprise_id', 'status', 'rated_at']).where('id', '=', id).executeTakeFirst();
    },

    /**
     * When this enterprise rated the thing at this stage, or null. A voided rating counts: the rule of one
     * rating per stage (the unique constraint) still holds for it.
     */
    async ratedAt(key: { enterpriseId: number; kind: RatingsTable['target_kind']; targetId: number; stage: string }): Promise<string | null> {
      const row = await db
        .selectFrom('ratings')
        .select('created_at')
        .where('enterprise_id', '=', key.enterpriseId)
        .where('target_kind', '=', key.kind)
        .where('target_id', '=', key.targetId)
        .where('stage', '=', key.stage)
        .executeTakeFirst();
      return row?.created_at ?? null;
    },

    /** The stages of one thing this enterprise has rated (whether, never how). */
    async ratedStages(enterpriseId: number, kind: RatingsTable['target_kind'], targetId: number): Promise<string[]> {
      const rows = await db
        .selectFrom('ratings')
        .select('stage')
        .where('enterprise_id', '=', enterpriseId)
        .where('target_kind', '=', kind)
        .where('target_id', '=', targetId)
        .orderBy('stage')
        .execute();
      return rows.map((r) => r.stage);
    },

    /** The departments this enterprise has rated at one stage, with when. */
    async ratedDepartments(enterpriseId: number, stage: string): Promise<{ departmentId: number; ratedAt: string }[]> {
      const rows = await db
        .selectFrom('ratings')
        .select(['target_id', 'created_at'])
        .where('enterprise_id', '=', enterpriseId)
        .where('target_kind', '=', 'department')
        .where('stage', '=', stage)
        .orderBy('target_id')
        .execute();
      return rows.map((r) => ({ departmentId: r.target_id, ratedAt: r.created_at }));
    },

    /** A delivery's day and items, to name it in the survey as the enterprise booked it. */
    async deliveryBooking(id: number): Promise<{ date: string; items: string } | undefined> {
      return db.selectFrom('deliveries').select(['date', 'items']).where('id', '=', id).executeTakeFirst();
    },

    async enterpriseName(id: number): Promise<string | undefined> {
      const row = await db.selectFrom('enterprises').select('name').where('id', '=', id).executeTakeFirst();
      return row?.name;
    },
  };
}
