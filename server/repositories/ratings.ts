import type { Kysely } from 'kysely';
import type { RatingScores } from '../../types/satisfaction';
import type { Database } from '../db/schema';
import './rating-tables';
import type { RatingsTable } from './rating-tables';

export type NewRatingRow = Omit<RatingsTable, 'id' | 'voided'>;

export interface StatsKey {
  departmentId: number;
  projectId: number | null;
  quarter: string;
}

export function ratingsRepository(db: Kysely<Database>) {
  return {
    /** null when this enterprise already rated this thing at this stage (the unique constraint decides races). */
    async insert(row: NewRatingRow): Promise<number | null> {
      const inserted = await db
        .insertInto('ratings')
        .values({ ...row, voided: 0 })
        .onConflict((oc) => oc.columns(['enterprise_id', 'target_kind', 'target_id', 'stage']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted?.id ?? null;
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
      await db
        .insertInto('rating_stats')
        .values({
          department_id: key.departmentId,
          project_id: key.projectId ?? 0,
          quarter: key.quarter,
          ...counts,
          sum_efficiency: delta * scores.efficiency,
          sum_level: delta * scores.level,
          sum_attitude: delta * scores.attitude,
        })
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
        )
        .execute();
    },

    /** Marks a rating as removed by an upheld appeal; returns what the statistics must give back, or null if already void. */
    async void(ratingId: number): Promise<{ key: StatsKey; scores: RatingScores } | null> {
      const row = await db
        .updateTable('ratings')
        .set({ voided: 1 })
        .where('id', '=', ratingId)
        .where('voided', '=', 0)
        .returning(['department_id', 'project_id', 'quarter', 'overall', 'efficiency', 'level', 'attitude'])
        .executeTakeFirst();
      if (!row) return null;
      return {
        key: { departmentId: row.department_id, projectId: row.project_id, quarter: row.quarter },
        scores: { overall: row.overall, efficiency: row.efficiency, level: row.level, attitude: row.attitude },
      };
    },

    async findProject(id: number) {
      return db.selectFrom('projects').select(['id', 'name', 'department_id', 'enterprise_id', 'stages']).where('id', '=', id).executeTakeFirst();
    },

    async findDepartment(id: number) {
      return db.selectFrom('departments').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    },

    async departmentByName(name: string) {
      return db.selectFrom('departments').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
    },

    async findDelivery(id: number) {
      return db.selectFrom('deliveries').select(['id', 'enterprise_id', 'status', 'rated_at']).where('id', '=', id).executeTakeFirst();
    },

    async enterpriseName(id: number): Promise<string | undefined> {
      const row = await db.selectFrom('enterprises').select('name').where('id', '=', id).executeTakeFirst();
      return row?.name;
    },
  };
}
