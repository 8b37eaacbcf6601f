import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MeScreen } from '@/features/me/me-screen';
import { sessionStore } from '@/features/auth/session-store';
import { taroMock } from './taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from './helpers';

beforeEach(freshApp);

const meta = (demo: boolean) => on('GET', '/api/v1/meta', () => ({ statusCode: 200, data: { demo } }));

describe('我的', () => {
  it('logged out in demo mode: offers a test openid login and then shows the bind entry', async () => {
    backend(
      meta(true),
      on('POST', '/api/v1/auth/wechat', (r) =>
        /^mock:demo-user-1@[a-z0-9]+$/.test((r.data as { code: string }).code)
          ? { statusCode: 200, data: { token: 't1', expiresAt: '2999-01-01T00:00:00.000Z', user: USER } }
          : { statusCode: 400, data: { error: { code: 'WECHAT_CODE_INVALID', message: '登录凭证无效或已使用，请重新登录' } } },
      ),
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: null } })),
    );
    render(<MeScreen />);
    expect(screen.getByText('未登录')).toBeInTheDocument();
    expect(screen.getByText('登录营商通')).toBeInTheDocument();

    fireEvent.change(await screen.findByPlaceholderText('如 demo-user-1'), { target: { value: 'demo-user-1' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByText('绑定企业')).toBeInTheDocument();
    expect(screen.getByText('手机号 138****1234')).toBeInTheDocument();
    expect(sessionStore.get().token).toBe('t1');
    expect(taroMock.storage.get('yst.session')).toMatchObject({ token: 't1' });
  });

  it('logged out outside demo mode on H5: asks to open in WeChat, no openid box', async () => {
    backend(meta(false));
    render(<MeScreen />);
    expect(await screen.findByText('请在微信中打开“营商通”小程序登录')).toBeInTheDocument();
    expect(screen.queryByPlaceholderText('如 demo-user-1')).not.toBeInTheDocument();
  });

  it('logged in and bound: shows the enterprise profile with its qualifications', async () => {
    signedIn();
    backend(on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })));
    render(<MeScreen />);
    const card = await screen.findByTestId('enterprise-card');
    expect(within(card).getByText('平安银行股份有限公司')).toBeInTheDocument();
    expect(within(card).getByText('91440300708461136T')).toBeInTheDocument();
    expect(within(card).getByText('高新技术企业')).toBeInTheDocument();
    expect(within(card).getByText('专精特新')).toBeInTheDocument();
    expect(within(card).getByText('1987年12月22日')).toBeInTheDocument();
    expect(screen.queryByText('登录营商通')).not.toBeInTheDocument();
    expect(taroMock.requests.filter((r) => r.url.endsWith('/api/v1/me'))).toHaveLength(1);
  });

  it('unbinds after the user confirms', async () => {
    signedIn();
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })),
      on('DELETE', '/api/v1/me/enterprise', () => ({ statusCode: 200, data: { user: USER, enterprise: null } })),
    );
    render(<MeScreen />);
    fireEvent.click(await screen.findByRole('button', { name: '解除绑定' }));
    expect(await screen.findByText('绑定企业')).toBeInTheDocument();
    expect(screen.queryByTestId('enterprise-card')).not.toBeInTheDocument();
  });

  it('keeps the binding when the user cancels the confirm', async () => {
    signedIn();
    taroMock.modalAnswer = false;
    backend(on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })));
    render(<MeScreen />);
    fireEvent.click(await screen.findByRole('button', { name: '解除绑定' }));
    await waitFor(() => expect(taroMock.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0));
    expect(screen.getByTestId('enterprise-card')).toBeInTheDocument();
  });

  it('关怀模式 switch puts the care class on the page root and remembers it', async () => {
    backend(meta(false));
    const { container } = render(<MeScreen />);
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveClass('yst-page');
    expect(root).not.toHaveClass('yst-care');

    fireEvent.click(screen.getByRole('switch', { name: '关怀模式' }));

    expect(root).toHaveClass('yst-care');
    expect(taroMock.storage.get('yst.careMode')).toBe(true);
    expect(screen.getByRole('switch', { name: '关怀模式' })).toHaveAttribute('aria-checked', 'true');
    await screen.findByText('请在微信中打开“营商通”小程序登录');
  });
});
