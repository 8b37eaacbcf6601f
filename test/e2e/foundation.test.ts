import { enterprises } from '../../server/seed/data/enterprises';
import { button, field, visible, phonePage, productAndBrowser, screenshot, tab } from './harness';

jest.setTimeout(180_000);

const e2e = productAndBrowser();

describe('H5 build against the server started as npm start does', () => {
  it('an owner logs in with a test openid, binds a seeded enterprise, sees it on 我的 and turns on 关怀模式', async () => {
    const page = await phonePage(e2e.browser);
    const seeded = enterprises[3];
    await page.goto(e2e.url);
    await tab(page, '我的').click();
    await field(page, '如 demo-user-1').fill('e2e-owner-1');
    await button(page, '登录').click();
    await page.locator('.nut-cell').filter({ hasText: '绑定企业' }).click();
    await screenshot(page, 'foundation-01-bind-form');

    // A mistyped check character is caught as the user types, naming the expected one.
    const wrong = seeded.uscc.slice(0, 17) + (seeded.uscc[17] === '0' ? '1' : '0');
    await field(page, '18位，如 91440300708461136T').fill(wrong.toLowerCase());
    await field(page, '与营业执照上的名称一致').fill(seeded.name);
    await visible(page.getByText(`应为“${seeded.uscc[17]}”`)).waitFor();
    await screenshot(page, 'foundation-02-bad-uscc');

    // Typed with spaces and lower case, as people do.
    const spaced = seeded.uscc.toLowerCase().replace(/(.{4})/g, '$1 ');
    await field(page, '18位，如 91440300708461136T').fill(spaced);
    await button(page, '绑定企业').click();
    await tab(page, '我的').click();
    await visible(page.getByText(seeded.name)).waitFor();
    await visible(page.getByText(seeded.uscc)).waitFor();
    await screenshot(page, 'foundation-03-bound');

    const root = visible(page.locator('.yst-page'));
    const before = await root.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await visible(page.locator('.nut-switch')).click();
    await visible(page.locator('.yst-page.yst-care')).waitFor();
    const after = await visible(page.locator('.yst-page.yst-care')).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThan(before);
    await screenshot(page, 'foundation-04-care-mode');

    // The server agrees: the binding is stored, not only shown.
    const token = await page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const value = localStorage.getItem(localStorage.key(i)!) ?? '';
        const match = value.match(/"token":"([^"]+)"/);
        if (match) return match[1];
      }
      return null;
    });
    expect(token).toBeTruthy();
    const me = await fetch(`${e2e.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    expect(me.enterprise).toMatchObject({ uscc: seeded.uscc, name: seeded.name });
  });

  it('a staff member logs in on the H5 build and sees their department', async () => {
    const page = await phonePage(e2e.browser);
    await page.goto(`${e2e.url}/#/staff/pages/login/index`);
    await field(page, '请输入用户名').fill('kgj');
    await field(page, '请输入密码').fill('demo123456');
    await button(page, '登录').click();
    await visible(page.getByText('区科工局')).waitFor();
    await screenshot(page, 'foundation-05-staff-home');
  });

  it('serves the OpenAPI document and health next to the app', async () => {
    const health = await fetch(`${e2e.url}/api/v1/health`).then((r) => r.json());
    expect(health).toEqual({ status: 'ok', db: 'sqlite' });
    const docs = await fetch(`${e2e.url}/api/docs/json`).then((r) => r.json());
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/api/v1/me/enterprise', '/api/v1/auth/wechat']));
  });
});
