import { fireEvent, render, screen } from '@testing-library/react';
import { BenefitDetailScreen } from '@/features/benefits/benefit-detail-screen';
import BenefitDetailPage from '@/pages/benefit-detail/index';
import { taroMock } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { benefit } from '../policies/fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('../policies/taro-extra'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extra } = require('../policies/taro-extra') as typeof import('../policies/taro-extra');

beforeEach(() => {
  freshApp();
  signedIn();
  extra.reset();
});

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } }));
const benefitCalls = () => taroMock.requests.filter((r) => r.url.includes('/api/v1/benefits/'));

describe('享受详情 for a link to no record', () => {
  it('a record the server does not know says 未找到该记录, leads to 我的享受, and offers no retry', async () => {
    backend(me, on('GET', '/api/v1/benefits/99999', () => ({ statusCode: 404, data: { error: { code: 'BENEFIT_NOT_FOUND', message: '未找到该享受记录' } } })));
    render(<BenefitDetailScreen id={99999} />);
    expect(await screen.findByText('未找到该记录')).toBeInTheDocument();
    expect(screen.queryByText('加载失败')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新加载' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看我的享受' }));
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/pages/benefits/index' });
  });

  it('?id=abc is 未找到该记录 at once, without a request and without “id：不能小于1”', async () => {
    extra.routerParams = { id: 'abc' };
    backend(me);
    render(<BenefitDetailPage />);
    expect(await screen.findByText('未找到该记录')).toBeInTheDocument();
    expect(screen.queryByText(/不能小于1/)).not.toBeInTheDocument();
    expect(benefitCalls()).toEqual([]);
  });

  it('a network failure keeps 重新加载, which then shows the record', async () => {
    let online = false;
    const record = on('GET', '/api/v1/benefits/5', () => ({ statusCode: 200, data: benefit() }));
    backend(me, (r) => (r.url.includes('/api/v1/benefits/5') && !online ? { fail: 'request:fail timeout' } : record(r)));
    render(<BenefitDetailScreen id={5} />);
    expect(await screen.findByText('加载失败', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText('未找到该记录')).not.toBeInTheDocument();
    online = true;
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText('办理经过')).toBeInTheDocument();
  });
});
