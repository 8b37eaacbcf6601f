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
import { seedDemoActivity, type DemoCatalogue } from './demo-activity';

export const ADMIN_USERNAME = 'admin';

export interface SeedSummary {
  seeded: boolean;
  departments: number;
  enterprises: number;
  policies: number;
  projects: number;
  staff: number;
  /** Demo mode only (0 otherwise): bookings, 留言 threads, ratings, the tickets they raised, 工作提醒函. */
  deliveries: number;
  messages: number;
  ratings: number;
  tickets: number;
  reminderLetters: number;
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`演示数据引用了不存在的${what}：${key}`);
  return value;
}

export type SeedConfig = Pick<AppConfig, 'demo' | 'adminPassword' | 'dataKey' | 'deliverySlotCapacity' | 'deliveryDepartment' | 'rectifyWorkingDays'>;

/**
 * Fills an empty database with the demo district (departments, registry, policies, projects,
 * accounts) in one transaction: either all of it is there or none. Does nothing once departments exist.
 * Staff get the demo password only in demo mode; otherwise only `admin` can log in. In demo mode the
 * district also gets its recent activity (seedDemoActivity), dated around `now`.
 */
export async function seedIfEmpty(db: Kysely<Database>, config: SeedConfig, now: Date = new Date()): Promise<SeedSummary> {
  const empty: SeedSummary = { seeded: false, departments: 0, enterprises: 0, policies: 0, projects: 0, staff: 0, deliveries: 0, messages: 0, ratings: 0, tickets: 0, reminderLetters: 0 };
  if ((await createRepositories(db).catalog.countDepartments()) > 0) return empty;

  // Hash before the transaction: scrypt is slow and SQLite has one writer.
  const [adminHash, staffHash] = await Promise.all([
    hashPassword(config.adminPassword),
    config.demo ? hashPassword(DEMO_STAFF_PASSWORD) : Promise.resolve(null),
  ]);

  return db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    const at = now.toISOString();
    const summary = { ...empty, seeded: true };

    const departmentIds = new Map<string, number>();
    for (const d of departments) departmentIds.set(d.name, await repos.catalog.insertDepartment(d, at));
    summary.departments = departments.length;

    const enterpriseIds = new Map<string, number>();
    const enterpriseList: DemoCatalogue['enterprises'] = [];
    for (const e of enterprises) {
      const checked = checkUscc(e.uscc);
      if (!checked.ok) throw new Error(`演示企业 ${e.name} 的统一社会信用代码无效：${checked.message}`);
      const created = await repos.enterprises.insert({ ...e, uscc: checked.value }, at);
      if (!created) throw new Error(`演示企业统一社会信用代码重复：${checked.value}`);
      enterpriseIds.set(created.uscc, created.id);
      enterpriseList.push({ id: created.id, name: created.name, uscc: created.uscc, district: created.district });
    }
    summary.enterprises = enterprises.length;

    const policyIds = new Map<string, number>();
    for (const p of policies) policyIds.set(p.title, await repos.catalog.insertPolicy(p, lookup(departmentIds, p.department, '部门'), at));
    await repos.policies.reindexAll();
    summary.policies = policies.length;

    const projectList: DemoCatalogue['projects'] = [];
    for (const p of projects) {
      const departmentId = lookup(departmentIds, p.department, '部门');
      const id = await repos.catalog.insertProject(
        { name: p.name, departmentId, enterpriseId: lookup(enterpriseIds, p.enterpriseUscc, '企业'), stages: p.stages },
        at,
      );
      projectList.push({ id, name: p.name, departmentId, enterpriseIndex: enterprises.findIndex((e) => e.uscc === p.enterpriseUscc), stages: p.stages });
    }
    summary.projects = projects.length;

    const staffIds = new Map<string, number>();
    staffIds.set(ADMIN_USERNAME, await repos.users.insert({ username: ADMIN_USERNAME, password_hash: adminHash, role: 'admin', display_name: '营商办管理员', created_at: at }));
    for (const s of staff) {
      if (s.username === ADMIN_USERNAME) continue;
      const id = await repos.users.insert({
        username: s.username,
        password_hash: staffHash,
        role: s.role,
        display_name: s.displayName,
        department_id: s.department ? lookup(departmentIds, s.department, '部门') : null,
        created_at: at,
      });
      staffIds.set(s.username, id);
    }
    summary.staff = staff.length;
    await seedBenefits(repos, at);
    if (config.demo) {
      const catalogue = { departments: departmentIds, enterprises: enterpriseList, policies: policyIds, projects: projectList, staff: staffIds };
      Object.assign(summary, await seedDemoActivity(repos, catalogue, config, at));
    }
    return summary;
  });
}
