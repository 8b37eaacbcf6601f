import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { QuarterlyReport } from '@contract/satisfaction';
import { QuarterlyScreen } from '@/features/stats/quarterly-screen';
import { quarterOf } from '@/features/stats/period';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { ADMIN_USER, STAFF_USER, meRoute, pathOf, queryOf } from './fixtures';

beforeEach(freshApp);

const figure = (key: QuarterlyReport['figures'][number]['key'], label: string, value: number | null, unit: string) => ({
  key,
  label,
  value,
  unit,
  definition: `${label}的统计口径`,
  drillDown: `/api/v1/admin/reports/quarterly/${key}?period=2026Q4`,
});

const REPORT: QuarterlyReport = {
  period: '2026Q4',
  from: '2026-10-01',
  to: '2026-12-31',
  figures: [
    figure('ratings', '收到满意度评价', 230, '条'),
    figure('ticketsRaised', '产生差评整改工单', 2, '件'),
    figure('reminderLetters', '发出工作提醒函', 0, '份'),
    figure('deliveriesDelivered', '证照递送送达', null, '件'),
  ],
};

describe('季度工作数据', () => {
  it('shows every figure with its unit and definition for the chosen period', async () => {
    signedIn(ADMIN_USER);
    backend(meRoute(ADMIN_USER), on('GET', '/api/v1/admin/reports/quarterly', () => ({ statusCode: 200, data: REPORT })));
    render(<QuarterlyScreen />);

    const ratings = await screen.findByTestId('figure-ratings');
    expect(within(ratings).getByText('收到满意度评价')).toBeInTheDocument();
    expect(within(ratings).getByText('230 条')).toBeInTheDocument();
    expect(within(ratings).getByText('口径：收到满意度评价的统计口径')).toBeInTheDocument();
    expect(within(screen.getByTestId('figure-ticketsRaised')).getByText('2 件')).toBeInTheDocument();
    expect(within(screen.getByTestId('figure-deliveriesDelivered')).getByText('未启用')).toBeInTheDocument();
    // Nothing to trace behind a zero.
    expect(within(screen.getByTestId('figure-reminderLetters')).queryByRole('button', { name: '查看明细' })).not.toBeInTheDocument();
    expect(screen.getByText(/（2026年10月1日至12月31日）/)).toBeInTheDocument();

    const asked = taroMock.requests.find((r) => pathOf(r) === '/api/v1/admin/reports/quarterly')!;
    expect(queryOf(asked)).toEqual({ period: quarterOf(new Date()) });
  });

  it('traces a figure to its rows through the API’s drill-down link; ticket ids open the ticket', async () => {
    signedIn(ADMIN_USER);
    backend(
      meRoute(ADMIN_USER),
      on('GET', '/api/v1/admin/reports/quarterly', () => ({ statusCode: 200, data: REPORT })),
      on('GET', '/api/v1/admin/reports/quarterly/ticketsRaised', () => ({
        statusCode: 200,
        data: { figure: 'ticketsRaised', period: '2026Q4', table: 'tickets', total: 2, ids: [41, 57] },
      })),
    );
    render(<QuarterlyScreen />);
    const card = await screen.findByTestId('figure-ticketsRaised');
    fireEvent.click(within(card).getByRole('button', { name: '查看明细' }));

    const rows = await within(card).findByTestId('rows-ticketsRaised');
    expect(within(rows).getByText('整改工单编号，共 2 条（点编号查看工单）：')).toBeInTheDocument();
    const drill = taroMock.requests.find((r) => pathOf(r) === '/api/v1/admin/reports/quarterly/ticketsRaised')!;
    expect(queryOf(drill)).toEqual({ period: '2026Q4', page: '1', pageSize: '200' });

    fireEvent.click(within(rows).getByText('57'));
    await waitFor(() => expect(taroMock.navigations).toEqual([{ kind: 'navigateTo', url: '/staff/pages/tickets/detail?id=57' }]));
  });

  it('is for the office only', () => {
    signedIn(STAFF_USER);
    backend(meRoute(STAFF_USER));
    render(<QuarterlyScreen />);
    expect(screen.getByText('季度工作数据由营商办管理员查看')).toBeInTheDocument();
    expect(taroMock.requests.some((r) => pathOf(r) === '/api/v1/admin/reports/quarterly')).toBe(false);
  });
});
