import type { ReactNode } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MeScreen } from '@/features/me/me-screen';
import { sessionStore } from '@/features/auth/session-store';
import { taroMock } from './taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from './helpers';

// WeChat's getPhoneNumber button, as the user meets it: a tap answers with a one-time code (or none when declined).
const mockPhoneButton = { code: 'phone-code-1' as string | undefined, inWechat: false };
jest.mock('@/lib/wx/phone', () => ({ ...jest.requireActual('@/lib/wx/phone'), canGetPhoneNumber: () => mockPhoneButton.inWechat }));
type MockProps = Record<string, unknown> & { children?: ReactNode };
type MockGetPhoneNumber = (event: { detail: { code?: string } }) => void;
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('./components-stub');
  const { forwardRef } = jest.requireActual<typeof import('react')>('react');
  const Button = forwardRef<HTMLButtonElement, MockProps>((props, ref) => {
    const onGet = props.onGetPhoneNumber as MockGetPhoneNumber | undefined;
    if (props.openType !== 'getPhoneNumber' || !onGet) return <actual.Button {...props} ref={ref} />;
    return <actual.Button {...props} ref={ref} onClick={() => onGet({ detail: { code: mockPhoneButton.code } })} />;
  });
  return { ...actual, Button };
});

beforeEach(() => {
  freshApp();
  mockPhoneButton.code = 'phone-code-1';
  mockPhoneButton.inWechat = false;
});

const NEW_USER = { ...USER, phoneMasked: null };
const phoneRow = () => screen.getByText('手机号').closest('.nut-cell') as HTMLElement;

describe('我的 · 手机号', () => {
  it('shows the number already authorised, masked', async () => {
    signedIn();
    backend(on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })));
    render(<MeScreen />);
    await screen.findByTestId('enterprise-card');
    expect(within(phoneRow()).getByTestId('phone-masked')).toHaveTextContent('138****1234');
    expect(screen.queryByRole('button', { name: '绑定手机号' })).not.toBeInTheDocument();
  });

  it('in WeChat, a new user binds the number with WeChat’s button and then sees it masked', async () => {
    mockPhoneButton.inWechat = true;
    signedIn(NEW_USER);
    let bound = false;
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: bound ? USER : NEW_USER, enterprise: ENTERPRISE } })),
      on('POST', '/api/v1/me/phone', (r) => {
        bound = (r.data as { code: string }).code === 'phone-code-1';
        return { statusCode: 200, data: { user: USER } };
      }),
    );
    render(<MeScreen />);
    await screen.findByTestId('enterprise-card');
    expect(screen.getByText('已登录')).toBeInTheDocument();
    const button = within(phoneRow()).getByRole('button', { name: '绑定手机号' });
    expect(button).toHaveAttribute('data-open-type', 'getPhoneNumber');

    fireEvent.click(button);
    expect(await within(phoneRow()).findByTestId('phone-masked')).toHaveTextContent('138****1234');
    expect(screen.getByText('手机号 138****1234')).toBeInTheDocument();
    expect(taroMock.toasts).toContain('手机号已绑定');
    expect(taroMock.requests.find((r) => r.method === 'POST')?.data).toEqual({ code: 'phone-code-1' });
    // Still bound to the same enterprise: the session keeps it.
    expect(sessionStore.get().enterprise).toEqual(ENTERPRISE);
  });

  it('in WeChat, declining sends nothing and keeps the button; a server refusal is said', async () => {
    mockPhoneButton.inWechat = true;
    signedIn(NEW_USER);
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: NEW_USER, enterprise: ENTERPRISE } })),
      on('POST', '/api/v1/me/phone', () => ({ statusCode: 503, data: { error: { code: 'WECHAT_UNAVAILABLE', message: '微信服务暂不可用，请稍后重试' } } })),
    );
    render(<MeScreen />);
    await screen.findByTestId('enterprise-card');
    mockPhoneButton.code = undefined;
    fireEvent.click(within(phoneRow()).getByRole('button', { name: '绑定手机号' }));
    await new Promise((r) => setTimeout(r, 10));
    expect(taroMock.requests.some((r) => r.method === 'POST')).toBe(false);

    mockPhoneButton.code = 'phone-code-2';
    fireEvent.click(within(phoneRow()).getByRole('button', { name: '绑定手机号' }));
    await screen.findByRole('button', { name: '绑定手机号' });
    await new Promise((r) => setTimeout(r, 50));
    expect(taroMock.toasts).toContain('微信服务暂不可用，请稍后重试');
    expect(within(phoneRow()).getByRole('button', { name: '绑定手机号' })).toBeInTheDocument();
  });

  it('on H5 (no WeChat button) says the number is asked when booking, and offers no button', async () => {
    signedIn(NEW_USER);
    backend(on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: NEW_USER, enterprise: ENTERPRISE } })));
    render(<MeScreen />);
    await screen.findByTestId('enterprise-card');
    expect(within(phoneRow()).getByText('预约证照递送时填写联系电话')).toBeInTheDocument();
    expect(within(phoneRow()).getByText('未绑定')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '绑定手机号' })).not.toBeInTheDocument();
  });

  it('is not shown to staff, whose accounts cannot authorise a number here', async () => {
    const staff = { id: 20, role: 'staff' as const, displayName: '王科员', department: { id: 2, name: '区人社局' }, phoneMasked: null };
    signedIn(staff);
    backend(on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: staff, enterprise: null } })));
    render(<MeScreen />);
    expect(await screen.findByText('绑定企业')).toBeInTheDocument();
    expect(screen.queryByText('手机号')).not.toBeInTheDocument();
  });
});
