/**
 * @jest-environment jsdom
 */
/**
 * What the Taro runtime sends across WeChat's logic/render bridge while a user works: every
 * setData of the built pages (WEAPP_DIST, default dist/) in WeChat's own template compiler, with a
 * fake server answering wx.request after a network-like delay, and user events paced like a person.
 * Budgets: no call above 64 KB (WeChat's audit warns at 256 KB; a cheap phone stalls well before)
 * and no more than 20 calls in any one second.
 *
 * bench/set-data.ts runs this file with SET_DATA_FIGURES=<file> to print the same figures as a table.
 */
import { writeFileSync } from 'node:fs';
import type { PolicyListItem } from '../../types/policy';
import { policies as seedPolicies } from '../../server/seed/data/policies';
import { assertBuilt, createHarness, findDeep, waitFor, type FakeServer, type Harness, type SetDataCall, type SimComponent } from './simulate-taro';

beforeAll(assertBuilt);

const MAX_BYTES = 64 * 1024;
const MAX_CALLS_PER_SECOND = 20;
const TOTAL_POLICIES = 200;
const PAGE_SIZE = 20;
/** A round trip on a mobile network. */
const LATENCY_MS = 80;
/** 20 cards are about four screens: the quickest flick through them and back to the bottom. */
const SCROLL_PAUSE_MS = 400;
/** A quick thumb: ten key events a second (Chinese input commits words, so usually fewer). */
const KEY_PAUSE_MS = 100;
/** Reading a question and tapping an answer. */
const TAP_PAUSE_MS = 400;

export interface Figures {
  scenario: string;
  calls: number;
  maxBytes: number;
  avgBytes: number;
  totalBytes: number;
  /** The most calls that fell inside any one-second window. */
  maxPerSecond: number;
  /** Calls over the scenario's whole duration. */
  avgPerSecond: number;
  durationMs: number;
  /** Where the biggest call went: its largest paths, to find the component that re-sends too much. */
  biggest: string[];
}

function figures(scenario: string, calls: SetDataCall[], startedAt: number, endedAt: number): Figures {
  const bytes = calls.map((c) => c.bytes);
  const total = bytes.reduce((a, b) => a + b, 0);
  let maxPerSecond = 0;
  for (let i = 0, j = 0; i < calls.length; i++) {
    while (calls[j].at <= calls[i].at - 1000) j++;
    maxPerSecond = Math.max(maxPerSecond, i - j + 1);
  }
  const durationMs = Math.max(1, endedAt - startedAt);
  const largest = calls.reduce<SetDataCall | null>((top, c) => (top && top.bytes >= c.bytes ? top : c), null);
  const biggest = [...(largest?.paths ?? [])]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((p) => `${p.path} ${(p.bytes / 1024).toFixed(1)} KB`);
  return {
    scenario,
    calls: calls.length,
    maxBytes: Math.max(0, ...bytes),
    avgBytes: calls.length ? Math.round(total / calls.length) : 0,
    totalBytes: total,
    maxPerSecond,
    avgPerSecond: Number(((calls.length * 1000) / durationMs).toFixed(1)),
    durationMs,
    biggest,
  };
}

const collected: Figures[] = [];

function report(f: Figures): void {
  collected.push(f);
  console.log(
    `setData ${f.scenario}: ${f.calls} 次，最大 ${(f.maxBytes / 1024).toFixed(1)} KB，平均 ${(f.avgBytes / 1024).toFixed(1)} KB，` +
      `合计 ${(f.totalBytes / 1024).toFixed(0)} KB；任一秒内最多 ${f.maxPerSecond} 次，全程平均 ${f.avgPerSecond} 次/秒（${(f.durationMs / 1000).toFixed(1)} s）；` +
      `最大一次的主要路径：${f.biggest.join('，')}`,
  );
}

afterAll(() => {
  if (process.env.SET_DATA_FIGURES) writeFileSync(process.env.SET_DATA_FIGURES, JSON.stringify(collected, null, 2));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function json(statusCode: number, data: unknown) {
  return { statusCode, data };
}

/** 200 policies that read like the seed's (same titles, summaries, amounts), so the payload sizes are real. */
function policyItem(index: number): PolicyListItem {
  const p = seedPolicies[index % seedPolicies.length];
  return {
    id: index + 1,
    title: index < seedPolicies.length ? p.title : `${p.title}（${Math.floor(index / seedPolicies.length) + 1}）`,
    department: { id: 1 + (index % 7), name: p.department },
    level: p.level,
    kind: p.kind,
    method: p.method,
    tags: p.tags,
    summary: p.summary,
    amount: p.amount,
    validFrom: p.validFrom,
    validTo: p.validTo,
    expired: false,
    matchedTerms: [],
  };
}

const ENTERPRISE = {
  id: 7,
  uscc: '91350100MA2XXXXX1T',
  name: '茗溪春茶业有限公司',
  industry: '制造业',
  scale: '小型',
  district: '茗溪街道',
  qualifications: [],
  registeredOn: '2019-05-01',
};
const USER = { id: 11, role: 'enterprise', displayName: '企业用户', department: null, phoneMasked: null };
const SIGNED_IN = { 'yst.session': { token: 'token-1', expiresAt: '2999-01-01T00:00:00.000Z', user: USER } };

/** The API as far as these two screens use it. */
const server: FakeServer = ({ url, method }) => {
  const { pathname, searchParams } = new URL(url, 'http://api.test');
  if (method === 'GET' && pathname === '/api/v1/policies') {
    const page = Number(searchParams.get('page') ?? 1);
    const size = Number(searchParams.get('pageSize') ?? PAGE_SIZE);
    const from = (page - 1) * size;
    const items = Array.from({ length: Math.max(0, Math.min(size, TOTAL_POLICIES - from)) }, (_, i) => policyItem(from + i));
    return json(200, { items, total: TOTAL_POLICIES });
  }
  if (method === 'GET' && pathname === '/api/v1/policies/facets') {
    const departments = [...new Set(seedPolicies.map((p) => p.department))].map((name, i) => ({ id: i + 1, name, count: 10 }));
    return json(200, { departments, tags: [...new Set(seedPolicies.flatMap((p) => p.tags))].map((name) => ({ name, count: 5 })) });
  }
  if (method === 'GET' && pathname === '/api/v1/me') return json(200, { user: USER, enterprise: ENTERPRISE });
  if (method === 'GET' && pathname === '/api/v1/meta') return json(200, { demo: false });
  if (method === 'POST' && pathname === '/api/v1/ratings') return json(201, { id: 1, ticketId: 12 });
  return json(404, { error: { code: 'NOT_FOUND', message: '不存在' } });
};

/** All matches, looking inside Taro's nested `comp` components too. */
function findAllDeep(root: SimComponent, selector: string): SimComponent[] {
  return [...root.querySelectorAll(selector), ...root.querySelectorAll('comp').flatMap((child) => findAllDeep(child, selector))];
}

const text = (page: SimComponent) => page.dom.textContent ?? '';

async function scrollThroughPolicies(harness: Harness): Promise<{ page: SimComponent; startedAt: number }> {
  const startedAt = Date.now();
  const page = harness.open('pages/policies/index');
  await waitFor(() => text(page).includes(`已显示 ${PAGE_SIZE}/${TOTAL_POLICIES}`), 'the first page of policies', 10_000);
  const instance = page.instance as { onReachBottom: () => void };
  for (let shown = PAGE_SIZE; shown < TOTAL_POLICIES; shown += PAGE_SIZE) {
    await sleep(SCROLL_PAUSE_MS);
    instance.onReachBottom();
    const next = shown + PAGE_SIZE;
    const expected = next >= TOTAL_POLICIES ? `没有更多了（共 ${TOTAL_POLICIES} 条）` : `已显示 ${next}/${TOTAL_POLICIES}`;
    await waitFor(() => text(page).includes(expected), `policies up to ${next}`, 10_000);
  }
  return { page, startedAt };
}

async function type(field: SimComponent, value: string): Promise<void> {
  const chars = [...value];
  for (let i = 1; i <= chars.length; i++) {
    field.dispatchEvent('input', { detail: { value: chars.slice(0, i).join(''), cursor: i } });
    await sleep(KEY_PAUSE_MS);
  }
}

async function tap(node: SimComponent): Promise<void> {
  node.dispatchEvent('tap');
  await sleep(TAP_PAUSE_MS);
}

async function fillInSurvey(harness: Harness): Promise<{ page: SimComponent; startedAt: number }> {
  const startedAt = Date.now();
  const page = harness.open('pages/survey/index', { departmentId: '3', title: encodeURIComponent('区市场监管局窗口服务') });
  await waitFor(() => findAllDeep(page, '.yst-sv-score__option').length >= 20, 'the four score pickers', 10_000);
  // 满意 in each dimension: the tile list is rebuilt after each tap, so look it up again.
  for (let d = 0; d < 4; d++) await tap(findAllDeep(page, '.yst-sv-score__option')[d * 5 + 1]);
  await waitFor(() => !text(page).includes('必选'), 'all four scores picked');

  const comment = await waitFor(() => findDeep(page, '.nut-textarea-textarea'), 'the comment box');
  await type(comment, '窗口工作人员态度很好，材料一次讲清楚了');
  await tap(await waitFor(() => findDeep(page, '.nut-switch'), 'the problem switch'));
  await tap(await waitFor(() => findAllDeep(page, '.yst-sv-chip')[0], 'the problem categories'));
  const description = await waitFor(() => findAllDeep(page, '.nut-textarea-textarea')[1], 'the problem description');
  await type(description, '取号机故障，排队等了四十分钟');

  const submit = await waitFor(() => findAllDeep(page, '.nut-button').find((b) => (b.dom.textContent ?? '').includes('提交评价')), 'the submit button');
  submit.dispatchEvent('tap');
  await waitFor(() => text(page).includes('已提交'), 'the thank-you screen', 10_000);
  return { page, startedAt };
}

describe('setData while a user works, against WeChat’s budgets', () => {
  it(`scrolling the policy list to ${TOTAL_POLICIES} items keeps every setData small and infrequent`, async () => {
    const harness = createHarness({}, { server, latencyMs: LATENCY_MS });
    const { page, startedAt } = await scrollThroughPolicies(harness);
    const f = figures('政策列表 200 条', harness.setDataCalls, startedAt, Date.now());
    report(f);

    // The list really is on screen, and was fetched a page at a time.
    expect(findAllDeep(page, '.yst-policy-card')).toHaveLength(TOTAL_POLICIES);
    expect(harness.requests.filter((r) => r.url.includes('/api/v1/policies?'))).toHaveLength(TOTAL_POLICIES / PAGE_SIZE);
    expect(f.maxBytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(f.maxPerSecond).toBeLessThanOrEqual(MAX_CALLS_PER_SECOND);
  }, 60_000);

  it('filling in a survey keeps every setData small and at most 20 a second', async () => {
    const harness = createHarness(SIGNED_IN, { server, latencyMs: LATENCY_MS });
    const { startedAt } = await fillInSurvey(harness);
    const f = figures('填写服务评价', harness.setDataCalls, startedAt, Date.now());
    report(f);

    const posted = harness.requests.find((r) => r.url.endsWith('/api/v1/ratings'));
    expect(posted?.data).toMatchObject({ comment: '窗口工作人员态度很好，材料一次讲清楚了' });
    expect(f.maxBytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(f.maxPerSecond).toBeLessThanOrEqual(MAX_CALLS_PER_SECOND);
  }, 60_000);
});
