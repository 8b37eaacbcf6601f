import type { Kysely } from 'kysely';
import type { PolicyInput } from '../../types/policy';
import type { Database } from '../db/schema';

/** Departments, policies and key projects as the seed (and later the admin screens) write them. */
export function catalogRepository(db: Kysely<Database>) {
  return {
    async countDepartments(): Promise<number> {
      const { n } = await db.selectFrom('departments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(n);
    },

    async listDepartments(): Promise<{ id: number; name: string; code: string }[]> {
      return db.selectFrom('departments').select(['id', 'name', 'code']).orderBy('id').execute();
    },

    async insertDepartment(d: { name: string; code: string }, now: string): Promise<number> {
      const { id } = await db.insertInto('departments').values({ name: d.name, code: d.code, created_at: now }).returning('id').executeTakeFirstOrThrow();
      return id;
    },

    async insertPolicy(p: PolicyInput, departmentId: number, now: string): Promise<number> {
      const { id } = await db
        .insertInto('policies')
        .values({
          title: p.title,
          department_id: departmentId,
          level: p.level,
          kind: p.kind,
          tags: JSON.stringify(p.tags),
          summary: p.summary,
          body: p.body,
          basis_doc: p.basisDoc,
          amount: p.amount,
          valid_from: p.validFrom,
          valid_to: p.validTo,
          method: p.method,
          contact: p.contact,
          status: p.status,
          conditions: JSON.stringify(p.conditions),
          published_at: p.status === 'draft' ? null : now,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    async insertProject(p: { name: string; departmentId: number; enterpriseId: number; stages: string[] }, now: string): Promise<number> {
      const { id } = await db
        .insertInto('projects')
        .values({ name: p.name, department_id: p.departmentId, enterprise_id: p.enterpriseId, stages: JSON.stringify(p.stages), created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
  };
}
