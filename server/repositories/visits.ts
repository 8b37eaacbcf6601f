import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import './rating-tables';

export interface VisitRow {
  id: number;
  scene: string;
  visitor_user_id: number;
  enterprise_id: number;
  enterprise_name: string;
  project_id: number | null;
  project_name: string | null;
  department_id: number;
  department_name: string;
  stage: string;
  rated_at: string | null;
  created_at: string;
  /** The enterprise's rating of this project or department at this stage, through this visit or not. */
  stage_rating_id: number | null;
  stage_rated_at: string | null;
}

export function visitsRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('visits')
      .innerJoin('enterprises', 'enterprises.id', 'visits.enterprise_id')
      .innerJoin('departments', 'departments.id', 'visits.department_id')
      .leftJoin('projects', 'projects.id', 'visits.project_id')
      // At most one row (the ratings_once_per_stage constraint), found by that constraint's index.
      .leftJoin('ratings as stage_rating', (join) =>
        join
          .onRef('stage_rating.enterprise_id', '=', 'visits.enterprise_id')
          .onRef('stage_rating.stage', '=', 'visits.stage')
          .on((eb) =>
            eb.or([
              eb.and([eb('visits.project_id', 'is not', null), eb('stage_rating.target_kind', '=', 'project'), eb('stage_rating.target_id', '=', eb.ref('visits.project_id'))]),
              eb.and([eb('visits.project_id', 'is', null), eb('stage_rating.target_kind', '=', 'department'), eb('stage_rating.target_id', '=', eb.ref('visits.department_id'))]),
            ]),
          ),
      )
      .select([
        'visits.id',
        'visits.scene',
        'visits.visitor_user_id',
        'visits.enterprise_id',
        'enterprises.name as enterprise_name',
        'visits.project_id',
        'projects.name as project_name',
        'visits.department_id',
        'departments.name as department_name',
        'visits.stage',
        'visits.rated_at',
        'visits.created_at',
        'stage_rating.id as stage_rating_id',
        'stage_rating.created_at as stage_rated_at',
      ]);

  return {
    /** null when the scene is taken (astronomically unlikely; the caller draws another). */
    async insert(row: { scene: string; visitorUserId: number; enterpriseId: number; projectId: number | null; departmentId: number; stage: string; now: string }): Promise<number | null> {
      const inserted = await db
        .insertInto('visits')
        .values({
          scene: row.scene,
          visitor_user_id: row.visitorUserId,
          enterprise_id: row.enterpriseId,
          project_id: row.projectId,
          department_id: row.departmentId,
          stage: row.stage,
          created_at: row.now,
        })
        .onConflict((oc) => oc.column('scene').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted?.id ?? null;
    },

    findByScene(scene: string): Promise<VisitRow | undefined> {
      return base().where('visits.scene', '=', scene).executeTakeFirst();
    },

    findById(id: number): Promise<VisitRow | undefined> {
      return base().where('visits.id', '=', id).executeTakeFirst();
    },

    async listByVisitor(userId: number, page: number, pageSize: number): Promise<{ rows: VisitRow[]; total: number }> {
      const [{ total }, rows] = await Promise.all([
        db.selectFrom('visits').select((eb) => eb.fn.countAll().as('total')).where('visitor_user_id', '=', userId).executeTakeFirstOrThrow(),
        base()
          .where('visits.visitor_user_id', '=', userId)
          .orderBy('visits.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
      ]);
      return { rows, total: Number(total) };
    },

    /** Records that the visit was rated; false when it already was. */
    async markRated(id: number, ratingId: number, at: string): Promise<boolean> {
      const result = await db
        .updateTable('visits')
        .set({ rating_id: ratingId, rated_at: at })
        .where('id', '=', id)
        .where('rating_id', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
