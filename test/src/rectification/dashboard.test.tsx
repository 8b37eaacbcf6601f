import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DashboardScreen } from '@/features/stats/dashboard-screen';
import { quarterOf, recentPeriods } from '@/features/stats/period';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { ADMIN_USER, SUPPRESSED_FIGURES, group, meRoute, pathOf, queryOf, shownFigures, stats } from './fixtures';

// jsdom has no canvas to draw on (and uCharts ships untranspiled ESM): record what the chart was asked to draw instead.
const drawn: Record<string, unknown>[] = [];
jest.mock('@qiun/ucharts', () => ({
  __esModule: true,
  default: class {
    constructor(options: Record<string, unknown>) {
      drawn.push(options);
    }
  },
}));

beforeEach(() => {
  freshApp();
  drawn.length = 0;
  // Give the chart host a size, as a laid-out page would.
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 343, height: 220, top: 0, left: 0, right: 343, bottom: 220, x: 0, y: 0, toJSON: () => ({}) });
});
afterEach(() => jest.restoreAllMocks());

const statsRequests = () => taroMock.requests.filter((r) => pathOf(r) === '/api/v1/admin/stats/satisfaction');

describe('满意度统计', () => {
  it('shows rates and means, and 样本不足 for a group the API suppressed', async () => {
    signedIn(ADMIN_USER);
    backend(meRoute(ADMIN_USER), on('GET', '/api/v1/admin/stats/satisfaction', () => ({ statusCode: 200, data: stats() })));
    render(<DashboardScreen />);

    const total = await screen.findByTestId('total');
    expect(within(total).getByText('81.3%')).toBeInTheDocument();
    expect(within(total).getByText('4.13')).toBeInTheDocument();
    expect(within(total).getByText('75.0%')).toBeInTheDocument();
    expect(within(total).getByText('33.3%')).toBeInTheDocument();
    // 整改率: of the 4 tickets raised, 2 rectified.
    expect(within(total).getByText('50.0%')).toBeInTheDocument();
    expect(within(total).getByText('2/4 件已整改')).toBeInTheDocument();
    expect(within(total).getByText('已剔除申诉成立的评价 1 条。')).toBeInTheDocument();

    const shown = screen.getByTestId('group-区市场监管局');
    expect(within(shown).getByText('90.0%')).toBeInTheDocument();
    expect(within(shown).getByText('4.50')).toBeInTheDocument();

    const hidden = screen.getByTestId('group-区税务局');
    expect(within(hidden).getByText('样本不足')).toBeInTheDocument();
    expect(within(hidden).queryByText(/\d+\.\d%/)?.textContent ?? '').toBe('100.0%');
    expect(screen.getByTestId('trend-2026Q3')).toHaveTextContent('2026Q3：样本不足');
    expect(screen.getByTestId('trend-2026Q4')).toHaveTextContent('2026Q4：81.3%（16 条）');
    expect(screen.getByLabelText('全区各季度满意率折线图')).toBeInTheDocument();

    // The trend leaves a gap for the suppressed quarter; the comparison draws only the groups with figures.
    await waitFor(() => expect(drawn).toHaveLength(2));
    const byType = Object.fromEntries(drawn.map((o) => [o.type, o]));
    expect(byType.line).toMatchObject({ categories: ['2026Q3', '2026Q4'], series: [{ name: '满意率', data: [null, 81.3] }] });
    expect(byType.column).toMatchObject({ categories: ['区市场监管局'], series: [{ name: '满意率', data: [90] }] });
  });

  it('asks for the current quarter first, then the chosen period and grouping', async () => {
    signedIn(ADMIN_USER);
    backend(meRoute(ADMIN_USER), on('GET', '/api/v1/admin/stats/satisfaction', (r) => ({ statusCode: 200, data: stats({ by: queryOf(r).by as 'department' }) })));
    render(<DashboardScreen />);
    await screen.findByTestId('total');
    expect(queryOf(statsRequests()[0])).toEqual({ period: quarterOf(new Date()), by: 'department' });

    const lastYear = recentPeriods(new Date())[7];
    fireEvent.click(screen.getByRole('button', { name: lastYear.label }));
    fireEvent.click(screen.getByRole('button', { name: '按项目' }));
    await waitFor(() => expect(queryOf(statsRequests()[statsRequests().length - 1])).toEqual({ period: lastYear.value, by: 'project' }));
  });

  it('by project loads 50 at a time: 加载更多 follows the cursor, appends the next page, and the district total stays over all', async () => {
    signedIn(ADMIN_USER);
    const firstPage = stats({
      by: 'project',
      groups: [group(11, '新能源电池产业园', shownFigures(0.6, 3.8, 20)), group(12, '智能制造产业园', SUPPRESSED_FIGURES, { raised: 1 })],
      page: { totalGroups: 3, nextCursor: 'cHJvamVjdH4yMDI2UTR-MTI' },
    });
    const lastPage = stats({ by: 'project', groups: [group(30, '茶叶精深加工项目', shownFigures(0.95, 4.7, 40))], page: { totalGroups: 3, nextCursor: null } });
    let failNext = true;
    backend(
      meRoute(ADMIN_USER),
      on('GET', '/api/v1/admin/stats/satisfaction', (r) => {
        const q = queryOf(r);
        if (q.by !== 'project') return { statusCode: 200, data: stats() };
        if (!q.cursor) return { statusCode: 200, data: firstPage };
        if (failNext) {
          failNext = false;
          return { statusCode: 429, data: { error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } } };
        }
        return { statusCode: 200, data: lastPage };
      }),
    );
    render(<DashboardScreen />);
    await screen.findByTestId('total');
    fireEvent.click(screen.getByRole('button', { name: '按项目' }));
    await screen.findByTestId('group-新能源电池产业园');
    expect(screen.queryByTestId('group-茶叶精深加工项目')).not.toBeInTheDocument();
    expect(screen.getByText('满意率对比（已加载的 2 个）')).toBeInTheDocument();

    // A failed page keeps what was loaded and offers to retry.
    fireEvent.click(screen.getByRole('button', { name: '加载更多（已显示 2/3 个项目）' }));
    expect(await screen.findByText('操作过于频繁，请稍后再试')).toBeInTheDocument();
    expect(screen.getByTestId('group-智能制造产业园')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));

    const last = await screen.findByTestId('group-茶叶精深加工项目');
    expect(within(last).getByText('95.0%')).toBeInTheDocument();
    const asked = statsRequests().map(queryOf).filter((q) => q.by === 'project');
    expect(asked).toEqual([
      { period: quarterOf(new Date()), by: 'project' },
      { period: quarterOf(new Date()), by: 'project', cursor: 'cHJvamVjdH4yMDI2UTR-MTI' },
      { period: quarterOf(new Date()), by: 'project', cursor: 'cHJvamVjdH4yMDI2UTR-MTI' },
    ]);
    expect(screen.getAllByTestId(/^group-/).map((el) => el.dataset.testid)).toEqual(['group-新能源电池产业园', 'group-智能制造产业园', 'group-茶叶精深加工项目']);
    expect(screen.queryByRole('button', { name: /加载更多/ })).not.toBeInTheDocument();
    expect(screen.getByText('已全部加载，共 3 个项目。')).toBeInTheDocument();
    expect(screen.getByText('满意率对比')).toBeInTheDocument();
    // The district card is the first answer's, over every project.
    expect(within(screen.getByTestId('total')).getByText('81.3%')).toBeInTheDocument();
  });

  it('a whole district below five raters shows 样本不足 instead of figures', async () => {
    signedIn(ADMIN_USER);
    const few = stats({ total: group(null, '全区', SUPPRESSED_FIGURES), groups: [], excludedByAppeal: 0 });
    backend(meRoute(ADMIN_USER), on('GET', '/api/v1/admin/stats/satisfaction', () => ({ statusCode: 200, data: few })));
    render(<DashboardScreen />);
    const total = await screen.findByTestId('total');
    expect(within(total).getByText('样本不足：参与评价的企业少于5家，为保护评价人不予显示')).toBeInTheDocument();
    expect(within(total).getAllByText('样本不足')).toHaveLength(3);
    expect(within(total).queryByText(/%/)).not.toBeInTheDocument();
    expect(screen.getByText('本期暂无评价')).toBeInTheDocument();
  });
});
