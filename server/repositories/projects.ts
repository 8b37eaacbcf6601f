import type { Kysely } from 'kysely';
import type { KeyProject } from '../../types/project';
import type { Database } from '../db/schema';

/** Key projects (重点项目), as visits and ratings pick them. */
export function projectsRepository(db: Kysely<Database>) {
  return {
    /** An enterprise's projects with their department, oldest first (the order they were entered). */
    async listByEnterprise(enterpriseId: number): Promise<KeyProject[]> {
      const rows = await db
        .selectFrom('projects')
        .innerJoin('departments', 'departments.id', 'projects.department_id')
        .select(['projects.id', 'projects.name', 'projects.stages', 'departments.id as department_id', 'departments.name as department_name'])
        .where('projects.enterprise_id', '=', enterpriseId)
        .orderBy('projects.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        department: { id: r.department_id, name: r.department_name },
        stages: parseStages(r.stages),
      }));
    },
  };
}

/** Stages are stored as JSON text; anything that is not a list of strings reads as "no fixed stages". */
function parseStages(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
