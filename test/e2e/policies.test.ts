import { enterprises } from '../../server/seed/data/enterprises';
import { button, field, visible, phonePage, productAndBrowser, screenshot, tab } from './harness';

jest.setTimeout(240_000);

const e2e = productAndBrowser();

async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${e2e.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

describe('免申即享 in the H5 build against the real server', () => {
  it('search 社保, open a policy, see why per condition, confirm a benefit in 公示, leave a message', async () => {
    const page = await phonePage(e2e.browser);
    const seeded = enterprises[3];
    await page.goto(e2e.url);

    // Sign in with a test openid and bind a seeded enterprise (as the foundation test does).
    await tab(page, '我的').click();
    await field(page, '如 demo-user-1').fill(`e2e-policy-${Date.now()}`);
    await button(page, '登录').click();
    await page.locator('.nut-cell').filter({ hasText: '绑定企业' }).click();
    await field(page, '18位，如 91440300708461136T').fill(seeded.uscc);
    await field(page, '与营业执照上的名称一致').fill(seeded.name);
    await button(page, '绑定企业').click();
    await tab(page, '我的').click();
    await visible(page.getByText(seeded.name)).waitFor();

    // 政策 tab: a two-character query finds policies and highlights the word.
    await tab(page, '政策').click();
    await visible(page.locator('[data-testid="policy-card"]')).waitFor();
    await visible(page.locator('input[placeholder="搜索政策，如 社保、补贴、贷款"]')).fill('社保');
    const hit = visible(page.locator('[data-testid="policy-card"]').filter({ hasText: '小微企业吸纳就业社保补贴' }));
    await hit.waitFor();
    await visible(page.locator('[data-testid="policy-card"] .yst-hl').filter({ hasText: '社保' })).waitFor();
    await screenshot(page, 'policies-01-search');

    // Detail with days left or 长期有效, and the per-condition answer for this enterprise.
    await hit.click();
    await visible(page.locator('[data-testid="validity"]')).waitFor();
    await button(page, '我能享受吗？').click();
    const panel = visible(page.locator('[data-testid="eligibility"]'));
    await panel.waitFor();
    expect(await panel.locator('.yst-condition').count()).toBeGreaterThan(0);
    expect(await panel.textContent()).toMatch(/[✓✗?]/);
    await screenshot(page, 'policies-02-eligibility');

    // Staff bind the enterprise to this policy and publish the 公示 (through the API, as the staff pages do).
    const policyId = Number(new URL(page.url().replace('#', '')).searchParams.get('id') ?? page.url().split('id=')[1]);
    const admin = await api<{ token: string }>('/api/v1/auth/staff', { method: 'POST', body: { username: 'admin', password: 'admin123456' } });
    const created = await api<{ id: number }>('/api/v1/admin/benefits', { method: 'POST', token: admin.token, body: { policyId, uscc: seeded.uscc } });
    await api(`/api/v1/admin/benefits/${created.id}/publicize`, {
      method: 'POST',
      token: admin.token,
      body: { basis: '依据茗人社〔2024〕6号', dataUsed: '2024年新招用高校毕业生3人', amountYuan: 9000 },
    });

    // Back to the tabs, then 我的 → 我的享受 → the record in 公示: confirm it.
    await page.goBack();
    await tab(page, '我的').click();
    await page.locator('.nut-cell').filter({ hasText: '我的享受' }).first().click();
    await visible(page.locator('[data-testid="benefit-row"]').filter({ hasText: '公示中' })).click();
    await visible(page.locator('[data-testid="publicity"]').filter({ hasText: '9,000.00 元' })).waitFor();
    await button(page, '确认无误').click();
    await visible(page.locator('.taro-modal__foot, .taro-modal__footer').getByText('确认无误')).click();
    await visible(page.locator('.yst-benefit-timeline').getByText('已确认')).waitFor();
    await screenshot(page, 'policies-03-confirmed');

    // 留言 on the benefit: a thread with the reply deadline.
    await button(page, '留言咨询').click();
    await field(page, '请描述您的问题，如：我公司是否符合本政策？').fill('请问兑现资金何时到账？');
    await button(page, '发送').click();
    await visible(page.locator('[data-testid="deadline"]').filter({ hasText: '工作日 1 天内答复' })).waitFor();
    await visible(page.getByText('请问兑现资金何时到账？')).waitFor();
    await screenshot(page, 'policies-04-message');
  });

  it('filters by 类型 from the popup, which the H5 build downloads only when it is first opened', async () => {
    const page = await phonePage(e2e.browser);
    const popupChunk: string[] = [];
    page.on('request', (r) => {
      if (/\/filter-popup\.[0-9a-f]+\.js$/.test(r.url())) popupChunk.push(r.url());
    });
    await page.goto(`${e2e.url}/#/pages/policies/index`);
    await visible(page.locator('[data-testid="policy-card"]')).waitFor();
    const note = visible(page.locator('.yst-note'));
    const total = async () => Number(/共\s*(\d+)\s*项/.exec((await note.textContent()) ?? '')?.[1]);
    const before = await total();

    await visible(page.locator('.yst-chip').filter({ hasText: '类型' })).click();
    const sheet = visible(page.locator('.nut-popup').filter({ hasText: '选择类型' }));
    await sheet.waitFor();
    expect(popupChunk).toHaveLength(1);
    // Its CSS came with it: once slid in, a sheet resting on the tab bar (not a block in the page's flow,
    // and not under the bar, where its last option 资质 was half hidden).
    await page.waitForFunction(() => {
      const bar = document.querySelector('.taro-tabbar__tabbar');
      const barTop = bar ? Math.round(bar.getBoundingClientRect().top) : window.innerHeight;
      return Array.from(document.querySelectorAll('.nut-popup')).some((e) => {
        const box = e.getBoundingClientRect();
        return box.height > 0 && getComputedStyle(e).position === 'fixed' && Math.round(box.bottom) === barTop && barTop < window.innerHeight;
      });
    });
    const last = await sheet.locator('.yst-option').filter({ hasText: /^\s*资质\s*$/ }).boundingBox();
    const barTop = await page.evaluate(() => document.querySelector('.taro-tabbar__tabbar')!.getBoundingClientRect().top);
    expect(last!.y + last!.height).toBeLessThanOrEqual(barTop);
    await screenshot(page, 'policies-05-filter');

    await sheet.locator('.yst-option').filter({ hasText: /^\s*减免\s*$/ }).click();
    await visible(page.locator('.yst-chip--on').filter({ hasText: '减免' })).waitFor();
    await visible(page.locator('.yst-note').filter({ hasNotText: `共 ${before} 项` })).waitFor();
    const kinds = await page.locator('[data-testid="policy-card"]').filter({ visible: true }).locator('.yst-tag-solid').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.length).toBeLessThan(before);
    expect(kinds.map((k) => k.trim())).toEqual(kinds.map(() => '减免'));
    expect(await total()).toBe(kinds.length);
  });
});
