import { fireEvent, render, screen, within } from '@testing-library/react';
import { PolicyDetailScreen } from '@/features/policies/policy-detail-screen';
import PolicyDetailPage from '@/pages/policy-detail/index';
import { taroMock } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { policyDetail } from './fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extra } = require('./taro-extra') as typeof import('./taro-extra');
// What was dialled (H5 would open a tel: address, which jsdom cannot follow).
const mockDial = jest.fn(async (_phone: string) => undefined);
jest.mock('@/lib/wx/phone', () => ({ ...jest.requireActual('@/lib/wx/phone'), makePhoneCall: (phone: string) => mockDial(phone) }));

beforeEach(freshApp);

// 2026-11-27 10:00 in China.
fixNow('2026-11-27T02:00:00.000Z');

const detail = (over: Parameters<typeof policyDetail>[0] = {}) =>
  on('GET', '/api/v1/policies/11', () => ({ statusCode: 200, data: policyDetail(over) }));
const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } }));

describe('政策详情', () => {
  it('shows every field with days left until the end date', async () => {
    backend(detail());
    render(<PolicyDetailScreen id={11} />);
    expect(await screen.findByText('小微企业吸纳就业社保补贴')).toBeInTheDocument();
    expect(screen.getByTestId('validity')).toHaveTextContent('剩余 12 天');
    expect(screen.getByText('茗人社〔2024〕6号')).toBeInTheDocument();
    expect(screen.getByText('区人社局')).toBeInTheDocument();
    expect(screen.getByText('按实际缴费额补贴')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '拨打 区人社局就业科 0571-88886666' })).toHaveTextContent('区人社局就业科 0571-88886666（点击拨打）');
    expect(screen.getByText('对本区小型、微型企业新招用离校2年内高校毕业生……')).toBeInTheDocument();
    expect(screen.getByText('1. 需为小微企业')).toBeInTheDocument();
  });

  it('says 长期有效 without an end date and 已过期 after it', async () => {
    backend(detail({ validTo: null }));
    const { unmount } = render(<PolicyDetailScreen id={11} />);
    expect(await screen.findByTestId('validity')).toHaveTextContent('长期有效');
    unmount();
    backend(detail({ validTo: '2024-06-30', expired: true }));
    render(<PolicyDetailScreen id={11} />);
    expect(await screen.findByTestId('validity')).toHaveTextContent('已过期');
  });

  it('keeps the formal validity range with its years, and names when a coming policy takes effect by the app’s date rule', async () => {
    backend(detail({ validFrom: '2024-03-01', validTo: '2026-12-31' }));
    const { unmount } = render(<PolicyDetailScreen id={11} />);
    expect(await screen.findByText('2024年3月1日 至 2026年12月31日')).toBeInTheDocument();
    unmount();
    backend(detail({ validFrom: '2026-12-01', validTo: null }));
    const second = render(<PolicyDetailScreen id={11} />);
    expect(await screen.findByTestId('validity')).toHaveTextContent('12月1日起施行');
    expect(screen.getByText('2026年12月1日 至 长期')).toBeInTheDocument();
    second.unmount();
    backend(detail({ validFrom: '2027-01-01', validTo: null }));
    render(<PolicyDetailScreen id={11} />);
    expect(await screen.findByTestId('validity')).toHaveTextContent('2027年1月1日起施行');
  });

  it('“我能享受吗？” explains each condition for the bound enterprise', async () => {
    signedIn();
    backend(me, detail());
    render(<PolicyDetailScreen id={11} />);
    await screen.findByText('小微企业吸纳就业社保补贴');
    // Wait for /me so the enterprise is known.
    await screen.findByRole('button', { name: '我能享受吗？' });
    await new Promise((r) => setTimeout(r, 20));
    fireEvent.click(screen.getByRole('button', { name: '我能享受吗？' }));
    const panel = await screen.findByTestId('eligibility');
    expect(panel).toHaveTextContent('您的企业暂不符合本政策条件');
    const item = within(panel).getByRole('listitem');
    expect(item).toHaveTextContent('✗');
    expect(item).toHaveTextContent('需为小微企业：您的企业为大型企业，不符合');
  });

  it('留言 opens the message page for this policy; logged-out users are told to bind first', async () => {
    signedIn();
    backend(me, detail());
    render(<PolicyDetailScreen id={11} />);
    await screen.findByText('小微企业吸纳就业社保补贴');
    await new Promise((r) => setTimeout(r, 20));
    fireEvent.click(screen.getByRole('button', { name: '留言咨询' }));
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/policy-tools/pages/message/index?policyId=11' });
  });

  it('keeps a contact phone number on one line and dials it when tapped', async () => {
    backend(detail({ contact: '区人社局就业促进股 0591-83261105' }));
    render(<PolicyDetailScreen id={11} />);
    const number = await screen.findByTestId('contact-phone');
    expect(number).toHaveTextContent(/^0591-83261105$/);
    expect(number).toHaveClass('yst-nowrap');
    fireEvent.click(screen.getByRole('link', { name: '拨打 区人社局就业促进股 0591-83261105' }));
    expect(mockDial).toHaveBeenCalledWith('059183261105');
  });

  it('a withdrawn or unknown policy says so, with the way to the list and no useless retry', async () => {
    backend(on('GET', '/api/v1/policies/11', () => ({ statusCode: 404, data: { error: { code: 'POLICY_NOT_FOUND', message: '政策不存在或尚未发布' } } })));
    render(<PolicyDetailScreen id={11} />);
    expect(await screen.findByText('该政策不存在或已撤回')).toBeInTheDocument();
    expect(screen.queryByText('加载失败')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新加载' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看政策列表' }));
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/policies/index' });
  });

  it('a link whose id is not a number (?id=abc) says the policy does not exist, without asking the server', async () => {
    extra.routerParams = { id: 'abc' };
    backend();
    render(<PolicyDetailPage />);
    expect(await screen.findByText('该政策不存在或已撤回')).toBeInTheDocument();
    expect(screen.queryByText(/不能小于1/)).not.toBeInTheDocument();
    expect(taroMock.requests.filter((r) => r.url.includes('/policies/'))).toEqual([]);
    extra.reset();
  });

  it('a server refusing the id (400 on id) is also “不存在”', async () => {
    backend(on('GET', '/api/v1/policies/11', () => ({ statusCode: 400, data: { error: { code: 'VALIDATION', message: 'id：不能小于1', field: 'id' } } })));
    render(<PolicyDetailScreen id={11} />);
    expect(await screen.findByText('该政策不存在或已撤回')).toBeInTheDocument();
    expect(screen.queryByText('id：不能小于1')).not.toBeInTheDocument();
  });

  it('a network failure keeps 重新加载, and reloading shows the policy', async () => {
    let online = false;
    backend((r) => (online ? detail()(r) : { fail: 'request:fail timeout' }));
    render(<PolicyDetailScreen id={11} />);
    expect(await screen.findByText('加载失败', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText('该政策不存在或已撤回')).not.toBeInTheDocument();
    online = true;
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText('小微企业吸纳就业社保补贴')).toBeInTheDocument();
  });
});
