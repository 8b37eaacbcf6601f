import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { LedgerScreen } from '@/features/rectification/ledger-screen';
import { taroMock } from '../taro-stub';
import { backend, captureDownloads, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { ADMIN_USER, STAFF_USER, meRoute, pathOf, queryOf, stats, ticket } from './fixtures';

beforeEach(freshApp);

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

const ledgerRequests = () => taroMock.requests.filter((r) => pathOf(r) === '/api/v1/admin/tickets');
const lastLedgerQuery = () => queryOf(ledgerRequests()[ledgerRequests().length - 1]);

describe('整改台账', () => {
  it('office: each filter tap sends its value to the API, and 全部 removes it again', async () => {
    signedIn(ADMIN_USER);
    backend(
      meRoute(ADMIN_USER),
      on('GET', '/api/v1/admin/stats/satisfaction', () => ({ statusCode: 200, data: stats() })),
      on('GET', '/api/v1/admin/tickets', () => ({ statusCode: 200, data: { items: [ticket()], total: 1 } })),
    );
    render(<LedgerScreen />);
    await screen.findByTestId('ticket-101');
    expect(lastLedgerQuery()).toEqual({ progress: 'unfinished', page: '1', pageSize: '20' });

    fireEvent.click(await screen.findByRole('button', { name: '区税务局' }));
    await waitFor(() => expect(lastLedgerQuery()).toEqual({ progress: 'unfinished', department: '5', page: '1', pageSize: '20' }));

    fireEvent.click(screen.getByRole('button', { name: '待回访' }));
    await waitFor(() => expect(lastLedgerQuery()).toEqual({ progress: 'unfinished', department: '5', status: 'open', page: '1', pageSize: '20' }));

    fireEvent.click(screen.getByRole('button', { name: '仅看逾期' }));
    await waitFor(() =>
      expect(lastLedgerQuery()).toEqual({ progress: 'unfinished', department: '5', status: 'open', overdue: 'true', page: '1', pageSize: '20' }),
    );

    fireEvent.click(screen.getByRole('button', { name: '全部部门' }));
    await waitFor(() => expect(lastLedgerQuery()).toEqual({ progress: 'unfinished', status: 'open', overdue: 'true', page: '1', pageSize: '20' }));
    expect(screen.getByRole('button', { name: '全部部门' })).toHaveClass('yst-chip--on');

    fireEvent.click(screen.getByRole('button', { name: '全部' }));
    await waitFor(() => expect(lastLedgerQuery()).toEqual({ status: 'open', overdue: 'true', page: '1', pageSize: '20' }));
  });

  it('opens on 未办结 and asks the server for it; 已办结 keeps only its own statuses and drops 逾期', async () => {
    signedIn(STAFF_USER);
    backend(
      meRoute(STAFF_USER),
      on('GET', '/api/v1/admin/tickets', (r) =>
        queryOf(r).progress === 'finished'
          ? { statusCode: 200, data: { items: [ticket({ id: 9, status: 'closed' })], total: 1 } }
          : { statusCode: 200, data: { items: [ticket({ id: 8, status: 'rectified' })], total: 1 } },
      ),
    );
    render(<LedgerScreen />);
    await screen.findByTestId('ticket-8');
    expect(ledgerRequests()).toHaveLength(1);
    expect(lastLedgerQuery()).toEqual({ progress: 'unfinished', page: '1', pageSize: '20' });
    const progress = screen.getByLabelText('办理');
    expect(within(progress).getByRole('button', { name: '未办结' })).toHaveClass('yst-chip--on');
    // The statuses of 未办结 only: a finished one would always list nothing here.
    const statuses = () => within(screen.getByLabelText('状态')).getAllByRole('button').map((b) => b.textContent);
    expect(statuses()).toEqual(['全部状态', '待回访', '已回访待整改', '已整改待确认', '企业退回重办', '申诉复核中']);
    fireEvent.click(screen.getByRole('button', { name: '仅看逾期' }));
    await waitFor(() => expect(lastLedgerQuery()).toEqual({ progress: 'unfinished', overdue: 'true', page: '1', pageSize: '20' }));

    fireEvent.click(within(progress).getByRole('button', { name: '已办结' }));
    await screen.findByTestId('ticket-9');
    expect(lastLedgerQuery()).toEqual({ progress: 'finished', page: '1', pageSize: '20' });
    expect(screen.queryByTestId('ticket-8')).not.toBeInTheDocument();
    expect(statuses()).toEqual(['全部状态', '已办结', '申诉成立已核销']);
    expect(screen.queryByRole('button', { name: '仅看逾期' })).not.toBeInTheDocument();
  });

  it('exports the half that is shown', async () => {
    signedIn(STAFF_USER);
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/admin/tickets', () => ({ statusCode: 200, data: { items: [ticket()], total: 1 } })));
    const { asked, restore } = captureDownloads();
    try {
      render(<LedgerScreen />);
      await screen.findByTestId('ticket-101');
      fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
      await waitFor(() => expect(asked).toHaveLength(1));
      const url = new URL(asked[0]);
      expect(url.pathname).toBe('/api/v1/admin/tickets/export');
      expect(Object.fromEntries(url.searchParams)).toEqual({ progress: 'unfinished', format: 'csv' });
    } finally {
      restore();
    }
  });

  it('department staff get no department choice: the server scopes them to their own', async () => {
    signedIn(STAFF_USER);
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/admin/tickets', () => ({ statusCode: 200, data: { items: [], total: 0 } })));
    render(<LedgerScreen />);
    expect(await screen.findByText('没有符合条件的工单')).toBeInTheDocument();
    expect(screen.getByText('区市场监管局 的差评整改工单')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '全部部门' })).not.toBeInTheDocument();
    expect(taroMock.requests.some((r) => pathOf(r) === '/api/v1/admin/stats/satisfaction')).toBe(false);
  });

  it('marks an overdue ticket red with its deadline, an open one with its dates, a closed one with none', async () => {
    signedIn(STAFF_USER);
    const items = [
      ticket({ id: 1, status: 'called_back', overdue: true, deadlineAt: '2026-10-20T15:59:59.999Z', callbackDueAt: '2026-09-29T15:59:59.999Z' }),
      ticket({ id: 2, status: 'open', deadlineAt: '2099-10-20T15:59:59.999Z', callbackDueAt: '2099-09-30T15:59:59.999Z' }),
      ticket({ id: 3, status: 'closed', overdue: false }),
    ];
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/admin/tickets', () => ({ statusCode: 200, data: { items, total: 3 } })));
    render(<LedgerScreen />);

    const overdue = await screen.findByTestId('ticket-1');
    expect(within(overdue).getByTestId('badge-danger')).toHaveTextContent('已逾期（期限 10月20日）');
    expect(overdue).toHaveClass('yst-ticket--overdue');
    expect(within(overdue).getByText('已回访待整改')).toBeInTheDocument();

    const open = screen.getByTestId('ticket-2');
    expect(within(open).queryByTestId('badge-danger')).not.toBeInTheDocument();
    // 2099-09-30T15:59:59Z is 23:59 on 30 September in China.
    expect(within(open).getByText('2099年9月30日 23:59 前回访')).toBeInTheDocument();
    expect(within(open).getByText(/^2099年10月20日 前整改/)).toBeInTheDocument();

    const closed = screen.getByTestId('ticket-3');
    expect(within(closed).getByText('已办结')).toBeInTheDocument();
    expect(within(closed).queryByText(/前整改|逾期|前回访/)).not.toBeInTheDocument();
  });

  it('reads deadlines that end at the next China midnight, as the server sends them, as the day they end', async () => {
    signedIn(STAFF_USER);
    const items = [
      ticket({ id: 5, status: 'called_back', overdue: true, deadlineAt: '2026-11-19T16:00:00.000Z' }),
      ticket({ id: 6, status: 'open', deadlineAt: '2099-12-10T16:00:00.000Z', callbackDueAt: '2099-11-30T16:00:00.000Z' }),
    ];
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/admin/tickets', () => ({ statusCode: 200, data: { items, total: 2 } })));
    render(<LedgerScreen />);
    expect(within(await screen.findByTestId('ticket-5')).getByTestId('badge-danger')).toHaveTextContent('已逾期（期限 11月19日）');
    const open = screen.getByTestId('ticket-6');
    expect(within(open).getByText('2099年11月30日 24:00 前回访')).toBeInTheDocument();
    expect(within(open).getByText(/^2099年12月10日 前整改/)).toBeInTheDocument();
  });

  it('shows a callback past its due time as 回访超时', async () => {
    signedIn(STAFF_USER);
    const late = ticket({ id: 4, status: 'open', callbackDueAt: '2020-01-02T15:59:59.999Z' });
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/admin/tickets', () => ({ statusCode: 200, data: { items: [late], total: 1 } })));
    render(<LedgerScreen />);
    expect(within(await screen.findByTestId('ticket-4')).getByTestId('badge-danger')).toHaveTextContent('回访超时');
  });

  it('loads the next page on 加载更多 and appends it', async () => {
    signedIn(STAFF_USER);
    const page = (p: number) => Array.from({ length: p === 1 ? 20 : 1 }, (_, i) => ticket({ id: (p - 1) * 20 + i + 1 }));
    backend(
      meRoute(STAFF_USER),
      on('GET', '/api/v1/admin/tickets', (r) => ({ statusCode: 200, data: { items: page(Number(queryOf(r).page)), total: 21 } })),
    );
    render(<LedgerScreen />);
    await screen.findByTestId('ticket-20');
    expect(screen.getByText('共 21 件')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    await screen.findByTestId('ticket-21');
    expect(lastLedgerQuery().page).toBe('2');
    expect(screen.getByTestId('ticket-1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument();
  });

  it('opens the ticket on tap', async () => {
    signedIn(STAFF_USER);
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/admin/tickets', () => ({ statusCode: 200, data: { items: [ticket()], total: 1 } })));
    render(<LedgerScreen />);
    fireEvent.click(await screen.findByTestId('ticket-101'));
    await waitFor(() => expect(taroMock.navigations).toEqual([{ kind: 'navigateTo', url: '/staff/pages/tickets/detail?id=101' }]));
  });

  it('asks an enterprise user to sign in as staff instead of calling the API', async () => {
    signedIn();
    backend(on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: { id: 7, role: 'enterprise', displayName: '企业用户', department: null, phoneMasked: null }, enterprise: null } })));
    render(<LedgerScreen />);
    expect(screen.getByText('请先使用工作人员账号登录')).toBeInTheDocument();
    expect(ledgerRequests()).toHaveLength(0);
  });
});
