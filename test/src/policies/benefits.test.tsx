import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { BenefitStatus } from '@contract/benefit';
import { BenefitDetailScreen } from '@/features/benefits/benefit-detail-screen';
import { BenefitsScreen } from '@/features/benefits/benefits-screen';
import { taroMock } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { benefit } from './fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));

beforeEach(() => {
  freshApp();
  signedIn();
});

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } }));

describe('我的享受', () => {
  it('lists records with their status labels', async () => {
    backend(
      me,
      on('GET', '/api/v1/me/benefits', () => ({
        statusCode: 200,
        data: { items: [benefit(), benefit({ id: 6, status: 'paid', paidAmountYuan: 36000, paidOn: '2024-04-01' })], total: 2 },
      })),
    );
    render(<BenefitsScreen />);
    const rows = await screen.findAllByTestId('benefit-row');
    expect(rows[0]).toHaveTextContent('公示中');
    expect(rows[0]).toHaveTextContent('36,000.00 元');
    expect(rows[1]).toHaveTextContent('已兑现');
    // Updated in an earlier year: the year is named.
    expect(rows[0]).toHaveTextContent('更新于 2024年3月5日 10:00');
  });

  it('the paid record names its 兑现日期 like every date in the app', async () => {
    backend(me, on('GET', '/api/v1/benefits/5', () => ({ statusCode: 200, data: benefit({ status: 'paid', paidAmountYuan: 36000, paidOn: '2024-04-01' }) })));
    render(<BenefitDetailScreen id={5} />);
    expect(await screen.findByText('2024年4月1日')).toBeInTheDocument();
  });

  it.each<[BenefitStatus, boolean]>([
    ['publicized', true],
    ['matched', false],
    ['confirmed', false],
    ['objected', false],
    ['paid', false],
  ])('in status %s the confirm/object buttons are shown: %s', async (status, shown) => {
    backend(me, on('GET', '/api/v1/benefits/5', () => ({ statusCode: 200, data: benefit({ status }) })));
    render(<BenefitDetailScreen id={5} />);
    await screen.findByText('办理经过');
    expect(Boolean(screen.queryByRole('button', { name: '确认无误' }))).toBe(shown);
    expect(Boolean(screen.queryByRole('button', { name: '提出异议' }))).toBe(shown);
  });

  it('shows the 公示 content and confirms it', async () => {
    backend(
      me,
      on('GET', '/api/v1/benefits/5', () => ({ statusCode: 200, data: benefit() })),
      on('POST', '/api/v1/benefits/5/confirm', () => ({
        statusCode: 200,
        data: benefit({ status: 'confirmed', history: [...benefit().history, { status: 'confirmed', at: '2024-03-06T02:00:00.000Z', by: '平安银行股份有限公司', note: null }] }),
      })),
    );
    render(<BenefitDetailScreen id={5} />);
    const publicity = await screen.findByTestId('publicity');
    expect(publicity).toHaveTextContent('茗人社〔2024〕6号第三条');
    expect(publicity).toHaveTextContent('2024年新招用高校毕业生12人');
    expect(publicity).toHaveTextContent('36,000.00 元');

    fireEvent.click(screen.getByRole('button', { name: '确认无误' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: '确认无误' })).not.toBeInTheDocument());
    expect(screen.getAllByText('已确认').length).toBeGreaterThan(0);
    const post = taroMock.requests.find((r) => r.method === 'POST')!;
    expect(post.header['Idempotency-Key']).toBeTruthy();
    // An empty JSON object, not an empty body: the server refuses Content-Type JSON without one.
    expect(post.data).toEqual({});
  });

  it('raises an objection with a reason, and asks for one when empty', async () => {
    backend(
      me,
      on('GET', '/api/v1/benefits/5', () => ({ statusCode: 200, data: benefit() })),
      on('POST', '/api/v1/benefits/5/object', (r) => ({
        statusCode: 200,
        data: benefit({ status: 'objected', objection: (r.data as { reason: string }).reason }),
      })),
    );
    render(<BenefitDetailScreen id={5} />);
    fireEvent.click(await screen.findByRole('button', { name: '提出异议' }));
    fireEvent.click(screen.getByRole('button', { name: '提交异议' }));
    expect(screen.getByText('请写明异议理由（至少2个字）')).toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('请说明哪项内容有误，如：金额应按12名员工计算'), { target: { value: '人数应为15人' } });
    fireEvent.click(screen.getByRole('button', { name: '提交异议' }));
    expect(await screen.findByText('异议已提交，部门核实后将重新公示。')).toBeInTheDocument();
    expect(screen.getByTestId('publicity')).toHaveTextContent('人数应为15人');
    expect(taroMock.requests.find((r) => r.method === 'POST')?.data).toEqual({ reason: '人数应为15人' });
  });
});
