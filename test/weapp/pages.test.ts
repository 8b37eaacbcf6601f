/**
 * @jest-environment jsdom
 */
import { assertBuilt, createHarness, findDeep, waitFor } from './simulate-taro';

beforeAll(assertBuilt);

describe('built mini-program pages in WeChat’s compiler', () => {
  it('我的 shows the login entry when logged out', async () => {
    const harness = createHarness();
    const page = harness.open('pages/me/index');
    const text = await waitFor(() => (page.dom.textContent?.includes('微信一键登录') ? page.dom.textContent : null), 'the login button');
    expect(text).toContain('登录营商通');
    expect(text).toContain('关怀模式');
    expect(text).toContain('隐私政策');
  });

  it('the bind page rejects a bad USCC as it is typed, in Chinese', async () => {
    // A signed-in session, as left in storage by an earlier WeChat login.
    const harness = createHarness({
      'yst.session': {
        token: 'token-1',
        expiresAt: '2999-01-01T00:00:00.000Z',
        user: { id: 1, role: 'enterprise', displayName: '企业用户', department: null, phoneMasked: null },
      },
    });
    const page = harness.open('pages/bind/index');
    await waitFor(() => page.dom.textContent?.includes('统一社会信用代码'), 'the bind form');

    const input = await waitFor(() => findDeep(page, '.nut-input-native'), 'the USCC input');
    input.dispatchEvent('input', { detail: { value: '91440300708461136A', cursor: 18 } });

    const text = await waitFor(() => (page.dom.textContent?.includes('校验位不符') ? page.dom.textContent : null), 'the check-character message');
    expect(text).toContain('按前17位应为“T”');
    expect(harness.requests.filter((r) => r.url.includes('/me/enterprise'))).toHaveLength(0);
  });

  it('关怀模式 switched on in 我的 puts the care class on the page and stores it', async () => {
    const harness = createHarness();
    const page = harness.open('pages/me/index');
    const toggle = await waitFor(() => findDeep(page, '.nut-switch'), 'the 关怀模式 switch');
    expect(page.dom.innerHTML).not.toContain('yst-care');

    toggle.dispatchEvent('tap');

    await waitFor(() => page.dom.innerHTML.includes('yst-care'), 'the care class');
    expect(harness.storage.get('yst.careMode')).toBe(true);
  });
});
