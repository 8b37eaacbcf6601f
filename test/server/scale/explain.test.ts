import { queryTokens } from '../../../server/lib/search';
import type { Repositories } from '../../../server/repositories';
import { databases } from '../helper';
import { AS_OF } from './fill';
import { openPlanEnv, type PlanEnv } from './plans';

/**
 * The main lists read their page through an index, on SQLite (EXPLAIN QUERY PLAN) and PostgreSQL
 * (EXPLAIN, with sequential scans and sorts priced out so that one shows only where no index can serve):
 * no big table is read whole, and a paged read comes in index order instead of sorting every match.
 * The SQL is what the repositories issue, captured from Kysely's query log.
 */
const SIZES = { enterprises: 3000, policies: 2000, ratings: 20_000, benefits: 3000, deliveries: 4000, threads: 2000 };
const TODAY = AS_OF.slice(0, 10);
jest.setTimeout(60_000);

type Case = [name: string, work: (repos: Repositories, env: PlanEnv) => Promise<unknown>, opts?: { allowSort?: boolean }];

const CASES: Case[] = [
  ['政策检索：无关键词，按发布时间', (r) => r.policies.search({ today: TODAY }, { limit: 20, offset: 0 })],
  ['政策检索：按部门与类别筛选', (r) => r.policies.search({ today: TODAY, departmentId: 3, kind: '资金补贴' }, { limit: 20, offset: 40 })],
  // Relevance is computed per match, so the matches are ranked (sorted) — but found through the text index.
  ['政策检索：关键词“补贴”', (r) => r.policies.search({ today: TODAY, tokens: queryTokens('补贴') }, { limit: 20, offset: 0 }), { allowSort: true }],
  ['政策检索：关键词“稳岗返还”', (r) => r.policies.search({ today: TODAY, tokens: queryTokens('稳岗返还') }, { limit: 20, offset: 0 }), { allowSort: true }],
  ['政策管理列表：全部', (r) => r.policies.adminList({ limit: 20, offset: 0 })],
  ['政策管理列表：本部门', (r) => r.policies.adminList({ departmentId: 2, limit: 20, offset: 20 })],
  ['政策管理列表：草稿', (r) => r.policies.adminList({ status: 'draft', limit: 20, offset: 0 })],
  ['免申即享：本企业', (r) => r.benefits.list({ enterpriseId: 1, page: 1, pageSize: 20 })],
  ['免申即享：某项政策', (r, env) => r.benefits.list({ policyId: env.filled.busyPolicyId, page: 2, pageSize: 20 })],
  ['免申即享：管理员全部', (r) => r.benefits.list({ page: 3, pageSize: 20 })],
  ['免申即享：某状态', (r) => r.benefits.list({ status: 'paid', page: 1, pageSize: 20 })],
  ['递送队列：某日', (r, env) => r.deliveries.queue({ date: env.filled.busyDate, page: 1, pageSize: 20 })],
  ['递送队列：某日某时段', (r, env) => r.deliveries.queue({ date: env.filled.busyDate, period: '上午', page: 1, pageSize: 20 })],
  ['递送队列：某状态', (r) => r.deliveries.queue({ status: 'submitted', page: 1, pageSize: 20 })],
  ['递送队列：全部', (r) => r.deliveries.queue({ page: 5, pageSize: 20 })],
  ['我的递送', (r) => r.deliveries.listByEnterprise(1, 1, 20)],
  // Open bookings first (soonest slot), then finished ones (latest slot): each half from its partial index (0012).
  // Enterprise 1's filled bookings are all open, so some are cancelled first to make page 4 straddle the halves.
  [
    '我的递送：跨到已办结的一页',
    async (r) => {
      for (let id = 100; id <= 1500; id += 100) await r.deliveries.transition(id, ['submitted', 'accepted', 'dispatched', 'failed'], 'cancelled', {}, AS_OF);
      return r.deliveries.listByEnterprise(1, 4, 20);
    },
  ],
  ['整改台账：本部门', (r) => r.tickets.list({ departmentId: 2, now: AS_OF }, 1, 20)],
  ['整改台账：本部门某状态', (r) => r.tickets.list({ departmentId: 2, status: 'open', now: AS_OF }, 1, 20)],
  ['整改台账：某状态', (r) => r.tickets.list({ status: 'closed', now: AS_OF }, 2, 20)],
  ['整改台账：全部', (r) => r.tickets.list({ now: AS_OF }, 1, 20)],
  // 未办结 / 已办结 read their own (partial) indexes, so a page never walks past the other half first.
  ['整改台账：未办结', (r) => r.tickets.list({ progress: 'unfinished', now: AS_OF }, 1, 20)],
  ['整改台账：本部门未办结', (r) => r.tickets.list({ progress: 'unfinished', departmentId: 2, now: AS_OF }, 2, 20)],
  ['整改台账：未办结某状态', (r) => r.tickets.list({ progress: 'unfinished', status: 'open', now: AS_OF }, 1, 20)],
  ['整改台账：本部门未办结某状态', (r) => r.tickets.list({ progress: 'unfinished', departmentId: 2, status: 'called_back', now: AS_OF }, 1, 20)],
  ['整改台账：未办结某状态且逾期', (r) => r.tickets.list({ progress: 'unfinished', status: 'open', overdue: true, now: AS_OF }, 1, 20)],
  ['整改台账：本部门未办结且逾期', (r) => r.tickets.list({ progress: 'unfinished', departmentId: 2, overdue: true, now: AS_OF }, 1, 20)],
  // 逾期 = past the rectification deadline OR the callback: read through the 未办结 partial index either way.
  ['整改台账：未办结且逾期（含回访超时）', (r) => r.tickets.list({ progress: 'unfinished', overdue: true, now: AS_OF }, 1, 20)],
  ['整改台账：逾期（未选办结情况）', (r) => r.tickets.list({ overdue: true, now: AS_OF }, 2, 20)],
  ['整改台账：本部门逾期', (r) => r.tickets.list({ departmentId: 2, overdue: true, now: AS_OF }, 1, 20)],
  ['整改台账：已办结（最近办结在前）', (r) => r.tickets.list({ progress: 'finished', now: AS_OF }, 3, 20)],
  ['整改台账：本部门已办结', (r) => r.tickets.list({ progress: 'finished', departmentId: 2, now: AS_OF }, 1, 20)],
  ['整改台账：本部门已办结某状态', (r) => r.tickets.list({ progress: 'finished', departmentId: 2, status: 'closed', now: AS_OF }, 1, 20)],
  ['我的整改（按企业的评价）', (r) => r.tickets.list({ enterpriseId: 1, now: AS_OF }, 1, 20)],
  ['留言收件箱：本部门', (r) => r.messages.list({ departmentId: 2, page: 1, pageSize: 20 }, AS_OF)],
  ['留言收件箱：本部门未答复', (r) => r.messages.list({ departmentId: 2, answered: false, page: 1, pageSize: 20 }, AS_OF)],
  ['留言：管理员全部', (r) => r.messages.list({ page: 1, pageSize: 20 }, AS_OF)],
  ['我的留言', (r) => r.messages.list({ enterpriseId: 1, page: 1, pageSize: 20 }, AS_OF)],
  ['企业名录', (r) => r.enterprises.list({ page: 50, pageSize: 20 })],
  // A substring of a name or code matches anywhere, which no B-tree seeks (pg_trgm / an FTS5 trigram table
  // would); the (name, uscc, id) index lets it walk the index instead of the table (migration 0009).
  ['企业名录：按名称或代码片段（走索引，不读表）', (r) => r.enterprises.list({ q: '茶业12', page: 1, pageSize: 20 })],
  ['走访记录', (r) => r.visits.listByVisitor(3001, 1, 20)],
  ['会话校验（每个请求）', (r) => r.sessions.findUser('x'.repeat(43), AS_OF)],
];

describe.each(databases())('list queries use indexes on %s', (kind) => {
  let env: PlanEnv;
  beforeAll(async () => {
    env = await openPlanEnv(kind, SIZES);
  }, 600_000);
  afterAll(async () => {
    await env?.close();
  });

  // Every row gets its options (jest-each would take a missing third column for a `done` callback).
  test.each(CASES.map(([name, work, opts]) => [name, work, opts ?? {}] as const))('%s', async (_name, work, opts) => {
    const queries = await env.capture((repos) => work(repos, env));
    expect(queries.length).toBeGreaterThan(0);
    const report: string[] = [];
    for (const q of queries) {
      const problems = await env.problems(q, { allowSort: opts.allowSort ?? false });
      if (problems.length > 0) report.push(`${q.sql}\n  ${problems.join('\n  ')}\n  计划：\n    ${(await env.explain(q)).join('\n    ')}`);
    }
    expect(report).toEqual([]);
  });

  // Walking the whole deadline index in order would pass the check above, yet read every finished ticket
  // with an earlier deadline (most of them, after a year or two) before the first one still to handle.
  // 未办结 reads its next_due_at index (migration 0013): overdue first, then the nearest deadline of either kind.
  test.each([
    ['未办结', { progress: 'unfinished' as const }, 'tickets_unfinished_due_idx'],
    ['本部门未办结', { progress: 'unfinished' as const, departmentId: 2 }, 'tickets_dept_unfinished_due_idx'],
    // Overdue tickets are unfinished ones whose next due time has passed: a range at the start of the same index.
    ['未办结且逾期', { progress: 'unfinished' as const, overdue: true }, 'tickets_unfinished_due_idx'],
    ['逾期', { overdue: true }, 'tickets_unfinished_due_idx'],
    ['本部门逾期', { departmentId: 2, overdue: true }, 'tickets_dept_unfinished_due_idx'],
    ['已办结', { progress: 'finished' as const }, 'tickets_finished_updated_idx'],
    ['本部门已办结', { progress: 'finished' as const, departmentId: 2 }, 'tickets_dept_finished_updated_idx'],
  ])('整改台账%s reads the page from its half’s own index', async (_name, filter, index) => {
    const queries = await env.capture((repos) => repos.tickets.list({ ...filter, now: AS_OF }, 1, 20));
    const page = queries.find((q) => /\blimit\b/i.test(q.sql));
    expect((await env.explain(page!)).join('\n')).toContain(index);
  });

  it('reports a full scan where there is one (the check above can fail)', async () => {
    const problems = await env.problems({ sql: `select * from "enterprises" where "industry" = '制造业'`, parameters: [] }, { allowSort: false });
    expect(problems.some((p) => p.startsWith('全表扫描 enterprises'))).toBe(true);
  });

});
