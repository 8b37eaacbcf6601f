import type { Kysely } from 'kysely';
import { checkUscc } from '../../types/uscc';
import { DEMO_STAFF_PASSWORD, type AppConfig } from '../config';
import type { Database } from '../db/schema';
import { hashPassword } from '../lib/passwords';
import { createRepositories } from '../repositories';
import { departments } from './data/departments';
import { enterprises } from './data/enterprises';
import { policies } from './data/policies';
import { projects } from './data/projects';
import { staff } from './data/staff';
import { seedBenefits } from './benefits';

export const ADMIN_USERNAME = 'admin';

export interface SeedSummary {
  seeded: boolean;
  departments: number;
  enterprises: number;
  policies: number;
  projects: number;
  staff: number;
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`演示数据引用了不存在的${what}：${key}`);
  return value;
}

/**
 * Fills an empty database with the demo district (departments, registry, policies, projects,
 * accounts) in one transaction: either all of it is there or none. Does nothing once departments exist.
 * Staff get the demo password only in demo mode; otherwise only `admin` can log in.
 */
export async function seedIfEmpty(db: Kysely<Database>, config: Pick<AppConfig, 'demo' | 'adminPassword'>): Promise<SeedSummary> {
  const empty: SeedSummary = { seeded: false, departments: 0, enterprises: 0, policies: 0, projects: 0, staff: 0 };
  if ((await createRepositories(db).catalog.countDepartments()) > 0) return empty;

  // Hash before the transaction: scrypt is slow and SQLite has one writer.
  const [adminHash, staffHash] = await Promise.all([
    hashPassword(config.adminPassword),
    config.demo ? hashPassword(DEMO_STAFF_PASSWORD) : Promise.resolve(null),
  ]);

  return db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    const now = new Date().toISOString();
    const summary = { ...empty, seeded: true };

    const departmentIds = new Map<string, number>();
    for (const d of departments) departmentIds.set(d.name, await repos.catalog.insertDepartment(d, now));
    summary.departments = departments.length;

    const enterpriseIds = new Map<string, number>();
    for (const e of enterprises) {
      const checked = checkUscc(e.uscc);
      if (!checked.ok) throw new Error(`演示企业 ${e.name} 的统一社会信用代码无效：${checked.message}`);
      const created = await repos.enterprises.insert({ ...e, uscc: checked.value }, now);
      if (!created) throw new Error(`演示企业统一社会信用代码重复：${checked.value}`);
      enterpriseIds.set(created.uscc, created.id);
    }
    summary.enterprises = enterprises.length;

    for (const p of policies) await repos.catalog.insertPolicy(p, lookup(departmentIds, p.department, '部门'), now);
    await repos.policies.reindexAll();
    summary.policies = policies.length;

    for (const p of projects) {
      await repos.catalog.insertProject(
        {
          name: p.name,
          departmentId: lookup(departmentIds, p.department, '部门'),
          enterpriseId: lookup(enterpriseIds, p.enterpriseUscc, '企业'),
          stages: p.stages,
        },
        now,
      );
    }
    summary.projects = projects.length;

    await repos.users.insert({ username: ADMIN_USERNAME, password_hash: adminHash, role: 'admin', display_name: '营商办管理员', created_at: now });
    for (const s of staff) {
      if (s.username === ADMIN_USERNAME) continue;
      await repos.users.insert({
        username: s.username,
        password_hash: staffHash,
        role: s.role,
        display_name: s.displayName,
        department_id: s.department ? lookup(departmentIds, s.department, '部门') : null,
        created_at: now,
      });
    }
    summary.staff = staff.length;
    await seedBenefits(repos, now);
    return summary;
  });
}
