import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { QuarterlyReport } from '@contract/satisfaction';
import { QuarterlyScreen } from '@/features/stats/quarterly-screen';
import { defaultRange, rangePeriod } from '@/features/stats/date-range';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { ADMIN_USER, meRoute, pathOf, queryOf } from './fixtures';

beforeEach(freshApp);

function reportFor(period: string, from: string, to: string): QuarterlyReport {
  return {
    period,
    from,
    to,
    figures: [
      {
        key: 'ratings',
        label: '收到满意度评价',
        value: 12,
        unit: '条',
        definition: '本期提交的评价',
        drillDown: `/api/v1/admin/reports/quarterly/ratings?period=${encodeURIComponent(period)}`,
      },
    ],
  };
}

const reportRequests = () => taroMock.requests.filter((r) => pathOf(r) === '/api/v1/admin/reports/quarterly').map((r) => queryOf(r).period);

function serveReports() {
  backend(
    meRoute(ADMIN_USER),
    on('GET', '/api/v1/admin/reports/quarterly', (request) => {
      const period = queryOf(request).period;
      const [from, to] = period.includes('~') ? period.split('~') : ['2026-10-01', '2026-12-31'];
      return { statusCode: 200, data: reportFor(period, from, to) };
    }),
    on('GET', '/api/v1/admin/reports/quarterly/ratings', (request) => ({
      statusCode: 200,
      data: { figure: 'ratings', period: queryOf(request).period, table: 'ratings', total: 2, ids: [5, 9] },
    })),
  );
}

const dateInput = (label: string) => within(screen.getByRole('button', { name: new RegExp(`^${label}：`) }).closest('label')!).getByDisplayValue(/\d{4}-\d{2}-\d{2}/);

describe('季度工作数据：自定义日期范围', () => {
  it('asks for the picked range and names it 2026年10月8日至11月27日', async () => {
    signedIn(ADMIN_USER);
    serveReports();
    render(<QuarterlyScreen />);
    await screen.findByTestId('figure-ratings');
    expect(screen.queryByRole('button', { name: /^起始日期/ })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '自定义' }));
    // Until dates are picked: this month so far.
    await waitFor(() => expect(reportRequests()).toContain(rangePeriod(defaultRange(new Date()))));

    fireEvent.change(dateInput('起始日期'), { target: { value: '2026-10-08' } });
    fireEvent.change(dateInput('截止日期'), { target: { value: '2026-11-27' } });

    await waitFor(() => expect(reportRequests().at(-1)).toBe('2026-10-08~2026-11-27'));
    expect(await screen.findByText('2026年10月8日至11月27日')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '起始日期：2026-10-08' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '截止日期：2026-11-27' })).toBeInTheDocument();

    // The figures and their drill-down are the range's.
    const card = await screen.findByTestId('figure-ratings');
    fireEvent.click(within(card).getByRole('button', { name: '查看明细' }));
    await within(card).findByTestId('rows-ratings');
    const drill = taroMock.requests.find((r) => pathOf(r) === '/api/v1/admin/reports/quarterly/ratings')!;
    expect(queryOf(drill).period).toBe('2026-10-08~2026-11-27');
  });

  it('keeps the range in order when one end is picked past the other, and names the year of an end in another year', async () => {
    signedIn(ADMIN_USER);
    serveReports();
    render(<QuarterlyScreen />);
    await screen.findByTestId('figure-ratings');
    fireEvent.click(screen.getByRole('button', { name: '自定义' }));

    fireEvent.change(await waitFor(() => dateInput('截止日期')), { target: { value: '2026-01-31' } });
    fireEvent.change(dateInput('起始日期'), { target: { value: '2025-12-01' } });
    await waitFor(() => expect(reportRequests().at(-1)).toBe('2025-12-01~2026-01-31'));
    expect(await screen.findByText('2025年12月1日至2026年1月31日')).toBeInTheDocument();

    // A start after the end takes the end along: a one-day range.
    fireEvent.change(dateInput('起始日期'), { target: { value: '2026-03-05' } });
    await waitFor(() => expect(reportRequests().at(-1)).toBe('2026-03-05~2026-03-05'));
    expect(await screen.findByText('2026年3月5日')).toBeInTheDocument();
  });

  it('shows the server’s reason when a range is refused', async () => {
    signedIn(ADMIN_USER);
    backend(
      meRoute(ADMIN_USER),
      on('GET', '/api/v1/admin/reports/quarterly', (request) =>
        queryOf(request).period.includes('~')
          ? { statusCode: 400, data: { error: { code: 'VALIDATION', message: 'period：日期范围不能超过3年', field: 'period' } } }
          : { statusCode: 200, data: reportFor('2026Q4', '2026-10-01', '2026-12-31') },
      ),
    );
    render(<QuarterlyScreen />);
    await screen.findByTestId('figure-ratings');
    fireEvent.click(screen.getByRole('button', { name: '自定义' }));
    fireEvent.change(await waitFor(() => dateInput('起始日期')), { target: { value: '2020-01-01' } });
    expect(await screen.findByText(/日期范围不能超过3年/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载 Excel' })).toHaveClass('nut-button-disabled');
  });
});
