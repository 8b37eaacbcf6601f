import type { Page } from 'playwright-core';
import { enterprises } from '../../server/seed/data/enterprises';
import { button, field, visible, phonePage, productAndBrowser, screenshot, tab } from './harness';

jest.setTimeout(240_000);

const e2e = productAndBrowser();

const choice = (page: Page, text: string) => visible(page.locator('.yst-choice:not(.yst-choice--off)').filter({ hasText: text }));

async function tokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const match = (localStorage.getItem(localStorage.key(i)!) ?? '').match(/"token":"([^"]+)"/);
      if (match) return match[1];
    }
    return null;
  });
  if (!token) throw new Error('no session token in localStorage');
  return token;
}

/** An enterprise owner signed in with a test openid and bound to a seeded enterprise, through the UI. */
async function enterpriseOwner(openid: string, seeded: { uscc: string; name: string }): Promise<Page> {
  const page = await phonePage(e2e.browser);
  await page.goto(e2e.url);
  await tab(page, '我的').click();
  await field(page, '如 demo-user-1').fill(openid);
  await button(page, '登录').click();
  await visible(page.locator('.nut-cell').filter({ hasText: '绑定企业' })).click();
  await field(page, '18位，如 91440300708461136T').fill(seeded.uscc);
  await field(page, '与营业执照上的名称一致').fill(seeded.name);
  await button(page, '绑定企业').click();
  await tab(page, '我的').click();
  await visible(page.getByText(seeded.uscc)).waitFor();
  return page;
}

async function drawSignature(page: Page) {
  const canvas = visible(page.locator('canvas.sp__canvas'));
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 60);
  await page.mouse.down();
  for (const [dx, dy] of [
    [60, 30],
    [90, 90],
    [130, 40],
    [170, 100],
    [220, 50],
  ]) {
    await page.mouse.move(box.x + dx, box.y + dy, { steps: 4 });
  }
  await page.mouse.up();
  await visible(page.locator('canvas.sp__canvas[data-has-ink="true"]')).waitFor();
}

/**
 * Picks a region step by step the way a finger does: every item is tapped where it is seen, with no forced
 * click. Without the CSS of the components NutUI's Cascader draws (Tabs, TabPane, Popup, Overlay), the
 * chosen steps stacked vertically and each next list sat below the screen, out of reach.
 */
async function pickRegion(page: Page, names: string[]) {
  const viewport = page.viewportSize()!;
  for (const [step, name] of names.entries()) {
    const item = visible(page.locator('.nut-cascader-item').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }));
    await item.waitFor();
    const box = (await item.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // The steps chosen so far and 请选择 are tabs on one row above the list.
    const titles = page.locator('.nut-cascader .nut-tabs-titles-item').filter({ visible: true });
    await expect(titles.count()).resolves.toBe(step + 1);
    const rows = await titles.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(rows).size).toBe(1);
    await item.click();
  }
}

describe('证照递送 in the H5 build against the real server', () => {
  it('an owner books 送达, staff of 区政务服务中心 accepts, dispatches and delivers with a drawn signature, and the owner sees 已送达', async () => {
    const seeded = enterprises[5];
    const owner = await enterpriseOwner('e2e-delivery-owner', seeded);

    // 办事 → 证照递送
    await tab(owner, '办事').click();
    // By its title: 我的 (still on screen while the tab switches) mentions 预约证照递送 in its phone row.
    await visible(owner.locator('.nut-cell').filter({ has: owner.locator('.nut-cell-title', { hasText: /^\s*预约证照递送\s*$/ }) })).click();
    await choice(owner, '营业执照正本').click();
    await choice(owner, '印章').click();
    await choice(owner, '送达').click();
    await field(owner, '收件人姓名').fill('张晓明');
    await field(owner, '11位手机号').fill('1381234567');
    // A short number is caught before anything is sent.
    await button(owner, '下一步：核对信息').click();
    await visible(owner.getByText('联系电话：请填写11位中国大陆手机号')).waitFor();
    await field(owner, '11位手机号').fill('138 1234 5678');

    await visible(owner.locator('.yst-picker-row')).click();
    await pickRegion(owner, ['福建省', '福州市', '茗溪区']);
    await visible(owner.locator('.yst-picker-row__value').filter({ hasText: /^福建省 福州市 茗溪区$/ })).waitFor();
    await field(owner, '街道、门牌号，如 茗溪路88号2楼').fill('茗溪路88号2楼');
    await visible(owner.locator('.yst-choices--scroll .yst-choice:not(.yst-choice--off)')).click();
    await choice(owner, '上午').click();
    await screenshot(owner, 'delivery-01-booking-form');

    await button(owner, '下一步：核对信息').click();
    const review = visible(owner.getByTestId('booking-review'));
    await review.waitFor();
    await expect(review.textContent()).resolves.toContain('福建省福州市茗溪区 茗溪路88号2楼');
    await screenshot(owner, 'delivery-02-review');
    await button(owner, '确认提交').click();

    await owner.waitForURL(/pages\/delivery\/detail\?id=\d+/);
    const id = Number(/id=(\d+)/.exec(owner.url())![1]);
    await visible(owner.getByText('已提交预约')).waitFor();
    await screenshot(owner, 'delivery-03-submitted');

    // Staff of the handling department, in a browser of their own.
    const staff = await phonePage(e2e.browser);
    await staff.goto(`${e2e.url}/#/staff/pages/login/index`);
    await field(staff, '请输入用户名').fill('zwfw');
    await field(staff, '请输入密码').fill('demo123456');
    await button(staff, '登录').click();
    await visible(staff.getByText('区政务服务中心')).waitFor();
    await staff.goto(`${e2e.url}/#/staff/pages/deliveries/index`);
    const card = visible(staff.getByTestId('delivery-card').filter({ hasText: seeded.name }));
    await card.waitFor();
    // The queue shows masked contact data only.
    await expect(card.textContent()).resolves.toContain('138****5678');
    await expect(card.textContent()).resolves.not.toContain('13812345678');
    await screenshot(staff, 'delivery-04-staff-queue');
    await card.click();

    await visible(staff.getByText('13812345678')).waitFor();
    await button(staff, '受理').click();
    await field(staff, '快递单号').fill('SF1234567890');
    await button(staff, '派送').click();
    await visible(staff.getByText('快递单号 SF1234567890')).waitFor();
    await expect(field(staff, '签收人姓名').inputValue()).resolves.toBe('张晓明');
    await drawSignature(staff);
    await screenshot(staff, 'delivery-05-signature');
    await button(staff, '确认送达').click();
    await visible(staff.getByText('签收人 张晓明')).waitFor();
    await visible(staff.locator('img[aria-label="签收凭证"], .yst-handover__image')).waitFor();
    await screenshot(staff, 'delivery-06-staff-delivered');

    // The owner's timeline now ends at 已送达, and the handover is on record with a real PNG.
    // A fresh tab of the same browser (same session), as when the owner taps the WeChat notification.
    const later = await owner.context().newPage();
    await later.goto(`${e2e.url}/#/pages/delivery/detail?id=${id}`);
    const timeline = visible(later.locator('.yst-timeline'));
    await timeline.getByText('已送达').first().waitFor();
    const labels = await timeline.locator('.yst-timeline__item:not(.yst-timeline__item--ahead) .yst-timeline__label').allTextContents();
    expect(labels.map((l) => l.trim())).toEqual(['已提交预约', '已受理', '配送中', '已送达']);
    await screenshot(later, 'delivery-07-owner-delivered');

    const detail = await fetch(`${e2e.url}/api/v1/deliveries/${id}`, { headers: { authorization: `Bearer ${await tokenOf(owner)}` } }).then((r) => r.json());
    expect(detail.status).toBe('delivered');
    expect(detail.handover.receiverName).toBe('张晓明');
    expect(detail.handover.signature).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });
});
