import type { Page } from 'playwright-core';
import { DEMO_ADMIN_PASSWORD } from '../../server/config';
import { enterprises } from '../../server/seed/data/enterprises';
import { projects } from '../../server/seed/data/projects';
import { button, field, visible, phonePage, productAndBrowser, screenshot } from './harness';

jest.setTimeout(240_000);

const e2e = productAndBrowser();

let keySeq = 0;
async function api<T>(path: string, options: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.method === 'POST') headers['idempotency-key'] = `e2e-s2-${Date.now()}-${keySeq++}`;
  const res = await fetch(`${e2e.url}${path}`, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error(`${options.method ?? 'GET'} ${path} → ${res.status} ${JSON.stringify(data)}`);
  return data;
}

// Demo mode: staff share the demo password; admin has its own (ADMIN_PASSWORD, or the demo default).
const staffToken = async (username: string) => {
  const password = username === 'admin' ? (process.env.ADMIN_PASSWORD ?? DEMO_ADMIN_PASSWORD) : 'demo123456';
  return (await api<{ token: string }>('/api/v1/auth/staff', { method: 'POST', body: { username, password } })).token;
};

/** An owner: a test openid (WeChat stand-in) bound to a seeded enterprise, as the bind page does it. */
async function ownerOf(openid: string, enterprise: { uscc: string; name: string }): Promise<void> {
  const { token } = await api<{ token: string }>('/api/v1/auth/wechat', { method: 'POST', body: { code: `mock:${openid}@setup` } });
  await api('/api/v1/me/enterprise', { method: 'POST', token, body: { uscc: enterprise.uscc, name: enterprise.name } });
}

/** Opens the link and signs in with the test openid on the survey page itself (demo mode). */
async function openAsOwner(page: Page, link: string, openid: string): Promise<void> {
  await page.goto(link);
  await field(page, '如 demo-user-1').fill(openid);
  await button(page, '登录').click();
}

/** Levels are laid out best first: 5 非常满意 … 1 非常不满意. */
async function rate(page: Page, scores: Record<'overall' | 'efficiency' | 'level' | 'attitude', number>): Promise<void> {
  for (const [dimension, score] of Object.entries(scores)) {
    await visible(page.locator(`#score-${dimension}`)).locator('.yst-sv-score__option').nth(5 - score).click();
  }
}

function chinaQuarter(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3600 * 1000);
  return `${china.getUTCFullYear()}Q${Math.floor(china.getUTCMonth() / 3) + 1}`;
}

describe('满意度: visits and the survey in the H5 build', () => {
  it('a visitor opens a visit for a key project’s stage and shows the QR; the owner follows the link, rates 2, and a ticket reaches the project’s department', async () => {
    // A seeded key project (年产5万吨茶饮料生产线项目, served by 区科工局) and the enterprise that owns it.
    const project = projects[0];
    const stage = project.stages[2];
    const seeded = enterprises.find((e) => e.uscc === project.enterpriseUscc)!;
    await ownerOf('e2e-s2-owner-a', seeded);

    // The visitor (走访人员 of 区营商办) on a phone.
    const visitor = await phonePage(e2e.browser);
    await visitor.goto(`${e2e.url}/#/staff/pages/login/index`);
    await field(visitor, '请输入用户名').fill('visitor1');
    await field(visitor, '请输入密码').fill('demo123456');
    await button(visitor, '登录').click();
    await visible(visitor.getByText('游晓峰，您好')).waitFor();
    await visible(visitor.locator('.nut-cell').filter({ hasText: '发起走访' })).click();
    await field(visitor, '输入企业名称或统一社会信用代码').fill(seeded.name.slice(0, 4));
    await visible(visitor.locator('.nut-cell').filter({ hasText: seeded.name })).click();
    // The enterprise's key projects, each with its department; then one of the project's stages.
    const option = visible(visitor.locator('.yst-vs-option').filter({ hasText: project.name }));
    await option.getByText(`负责部门：${project.department}`, { exact: false }).waitFor();
    await option.click();
    await visible(visitor.locator('.yst-vs-chip').filter({ hasText: stage })).click();
    await screenshot(visitor, 'satisfaction-00-visit-project-stage');
    await button(visitor, '生成评价码').click();
    await visible(visitor.getByText(`${project.name} · ${stage}`)).waitFor();

    const code = visible(visitor.locator('[data-qr-text]'));
    await code.waitFor();
    const link = (await code.getAttribute('data-qr-text')) ?? '';
    expect(link).toMatch(new RegExp(`^${e2e.url.replace(/[.]/g, '\\.')}/#/pages/survey/index\\?scene=[A-Za-z0-9]{16}$`));
    await visible(visitor.getByText(link, { exact: true })).waitFor();
    const qr = visible(visitor.locator('.yst-vs-qr__image'));
    expect((await qr.boundingBox())?.width).toBeGreaterThan(150);
    await screenshot(visitor, 'satisfaction-01-visit-qr');

    // The owner opens the link on their own phone.
    const owner = await phonePage(e2e.browser);
    await openAsOwner(owner, link, 'e2e-s2-owner-a');
    await visible(owner.getByText(project.name, { exact: true })).waitFor();
    await visible(owner.getByText(`${seeded.name} · 阶段：${stage} · 服务部门：${project.department}`)).waitFor();
    await rate(owner, { overall: 2, efficiency: 2, level: 3, attitude: 3 });
    await visible(owner.locator('.nut-switch')).click();
    await visible(owner.locator('.yst-sv-chip').filter({ hasText: '办事效率' })).click();
    await field(owner, '请描述遇到的问题，如办理环节、时间等').fill('材料要求前后不一致，往返三次');
    await screenshot(owner, 'satisfaction-02-survey-filled');
    await button(owner, '提交评价').click();
    await visible(owner.getByText('您的反馈已转交整改')).waitFor();
    await screenshot(owner, 'satisfaction-03-submitted-ticket');

    // The project's department (区科工局, not the visitor's 区营商办) has the ticket, with the owner's problem report.
    type Listed = { department: { name: string }; subject: { kind: string; title: string; stage: string }; scores: { overall: number }; problem: { description: string } | null; status: string };
    const ticketsOf = async (username: string) =>
      (await api<{ items: Listed[] }>('/api/v1/admin/tickets', { token: await staffToken(username) })).items.filter((t) => t.problem?.description === '材料要求前后不一致，往返三次');
    const ours = await ticketsOf('kgj');
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({
      department: { name: project.department },
      subject: { kind: 'project', title: project.name, stage },
      scores: { overall: 2 },
      status: 'open',
    });
    expect(await ticketsOf('ysb')).toHaveLength(0);

    // The visitor sees that it was rated and when — not how.
    await visitor.goto(`${e2e.url}/#/staff/pages/visits/index`);
    const row = visible(visitor.locator('.yst-vs-visit').filter({ hasText: seeded.name }));
    await row.getByText(/^已评价 \d{1,2}月\d{1,2}日 \d\d:\d\d$/).waitFor();
    expect(await row.textContent()).not.toMatch(/不满意|满意|分/);
    await visitor.waitForTimeout(500); // let the page transition finish before the picture
    await screenshot(visitor, 'satisfaction-04-visit-rated');
  });

  it('offline on the factory floor: the survey waits for the network and is stored exactly once', async () => {
    const seeded = enterprises[7];
    await ownerOf('e2e-s2-owner-b', seeded);
    const visitorToken = await staffToken('visitor1');
    const { h5Url, id: visitId } = await api<{ h5Url: string; id: number }>('/api/v1/visits', {
      method: 'POST',
      token: visitorToken,
      body: { enterpriseId: (await api<{ items: { id: number }[] }>(`/api/v1/admin/enterprises?q=${encodeURIComponent(seeded.uscc)}`, { token: await staffToken('admin') })).items[0].id, stage: '车间现场走访' },
    });
    const admin = await staffToken('admin');
    const ratingsNow = async () => (await api<{ total: number }>(`/api/v1/admin/reports/quarterly/ratings?period=${chinaQuarter()}`, { token: admin })).total;
    const before = await ratingsNow();

    const owner = await phonePage(e2e.browser);
    await openAsOwner(owner, `${e2e.url}${h5Url}`, 'e2e-s2-owner-b');
    await visible(owner.getByText('车间现场走访', { exact: false })).waitFor();

    await owner.context().setOffline(true);
    await rate(owner, { overall: 4, efficiency: 5, level: 4, attitude: 5 });
    await field(owner, '说说您的感受或建议').fill('车间里没有信号，恢复后自动提交');
    await button(owner, '提交评价').click();
    await visible(owner.getByText('等待网络，恢复后自动提交')).waitFor();
    await screenshot(owner, 'satisfaction-05-offline-waiting');
    expect(await ratingsNow()).toBe(before);

    await owner.context().setOffline(false);
    await visible(owner.getByText('已提交', { exact: true })).waitFor({ timeout: 30_000 });
    await screenshot(owner, 'satisfaction-06-online-submitted');

    // Give any duplicate a chance to arrive, then count.
    await owner.waitForTimeout(1500);
    expect(await ratingsNow()).toBe(before + 1);
    const visits = await api<{ items: { id: number; ratedAt: string | null }[] }>('/api/v1/visits', { token: visitorToken });
    expect(visits.items.find((v) => v.id === visitId)?.ratedAt).toBeTruthy();
  });
});
