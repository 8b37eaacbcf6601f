import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SurveyScreen } from '@/features/survey/survey-screen';
import { taroMock } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';

beforeEach(() => {
  freshApp();
  signedIn();
});

// 2026-11-27 10:00 in China: the fourth quarter.
fixNow('2026-11-27T02:00:00.000Z');

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } }));
const departments = on('GET', '/api/v1/departments', () => ({
  statusCode: 200,
  data: [
    { id: 3, name: '区人社局', code: 'rsj' },
    { id: 9, name: '区市场监管局', code: 'scjgj' },
  ],
}));

const NAMES: Record<string, string> = { '3': '区人社局', '9': '区市场监管局' };
/** The server names the department; `rated` holds the ids this enterprise rated this quarter, with when. */
function ratingServer(rated: Map<number, string> = new Map()) {
  return [
    on('GET', '/api/v1/ratings/status', (r) => {
      const id = /departmentId=(\d+)/.exec(r.url)![1]!;
      const stage = decodeURIComponent(/stage=([^&]+)/.exec(r.url)?.[1] ?? '');
      return {
        statusCode: 200,
        data: {
          target: stage ? { kind: 'department', departmentId: Number(id), stage } : { kind: 'department', departmentId: Number(id) },
          title: NAMES[id],
          department: { id: Number(id), name: NAMES[id] },
          stage,
          delivery: null,
          ratedAt: rated.get(Number(id)) ?? null,
        },
      };
    }),
    on('GET', '/api/v1/ratings/department-status', (r) => {
      const stage = decodeURIComponent(/stage=([^&]+)/.exec(r.url)![1]!);
      return { statusCode: 200, data: { stage, items: [...rated].map(([departmentId, ratedAt]) => ({ departmentId, ratedAt })) } };
    }),
  ];
}

/** The page's query as the router hands it over: the values still percent-encoded. */
function paramsOf(url: string): Record<string, string> {
  const query = url.slice(url.indexOf('?') + 1);
  return Object.fromEntries(query.split('&').map((pair) => pair.split('=') as [string, string]));
}

async function openDepartmentSurvey(name: string): Promise<Record<string, string>> {
  render(<SurveyScreen params={{}} />);
  fireEvent.click(screen.getByText('评价部门服务'));
  fireEvent.click(await screen.findByText(name));
  const navigation = taroMock.navigations.at(-1)!;
  expect(navigation.kind).toBe('navigateTo');
  expect(navigation.url.startsWith('/pages/survey/index?')).toBe(true);
  return paramsOf(navigation.url);
}

describe('评价部门服务 from 服务评价', () => {
  it('the hub lists the district’s departments and opens the survey headed by the chosen one, for this quarter', async () => {
    backend(me, departments, ...ratingServer());
    const params = await openDepartmentSurvey('区市场监管局');
    expect(taroMock.requests.filter((r) => r.url.includes('/api/v1/departments'))).toHaveLength(1);

    render(<SurveyScreen params={params} />);
    expect(await screen.findByText('区市场监管局 · 部门服务')).toBeInTheDocument();
    expect(screen.getByText('阶段：2026年第四季度')).toBeInTheDocument();
    expect(screen.queryByText('部门服务')).not.toBeInTheDocument();
  });

  it('the rating goes to that department for this quarter; a second one this quarter is told kindly', async () => {
    let rated = false;
    backend(
      me,
      departments,
      ...ratingServer(),
      on('POST', '/api/v1/ratings', () => {
        if (rated) return { statusCode: 409, data: { error: { code: 'ALREADY_RATED', message: '您已评价过该事项的这一阶段，感谢您的反馈' } } };
        rated = true;
        return { statusCode: 201, data: { id: 1, ticketId: null } };
      }),
    );
    const params = await openDepartmentSurvey('区市场监管局');
    const rateAndSend = () => {
      for (const dimension of ['整体满意度', '服务效率', '服务水平', '服务态度']) fireEvent.click(screen.getByRole('radio', { name: `${dimension} 满意` }));
      fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    };
    const first = render(<SurveyScreen params={params} />);
    await screen.findByRole('button', { name: '提交评价' });
    rateAndSend();
    expect(await screen.findByText('已提交')).toBeInTheDocument();
    const post = taroMock.requests.find((r) => r.method === 'POST')!;
    expect(post.data).toMatchObject({ target: { kind: 'department', departmentId: 9, stage: '2026年第四季度' } });
    first.unmount();

    render(<SurveyScreen params={params} />);
    await screen.findByRole('button', { name: '提交评价' });
    rateAndSend();
    const status = await screen.findByText('您已评价过');
    expect(status.parentElement).toHaveTextContent('您已评价过该事项的这一阶段，感谢您的反馈');
  });

  it('when the departments cannot be loaded, says so and loads them on a tap', async () => {
    let online = false;
    backend(me, (r) => (r.url.includes('/api/v1/departments') && !online ? { fail: 'request:fail timeout' } : departments(r)));
    render(<SurveyScreen params={{}} />);
    fireEvent.click(screen.getByText('评价部门服务'));
    const retry = await screen.findByText(/点此重试/, {}, { timeout: 5000 });
    online = true;
    fireEvent.click(retry);
    expect(await screen.findByText('区人社局')).toBeInTheDocument();
    expect(within(screen.getByText('区人社局').closest('.nut-cell') as HTMLElement).getByText('去评价 ›')).toBeInTheDocument();
  });

  it('a link with only departmentId still opens that department’s survey', async () => {
    backend(me, ...ratingServer());
    render(<SurveyScreen params={{ departmentId: '9' }} />);
    // The link's placeholder until the server names the department.
    expect(screen.getByText('部门服务')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: '提交评价' })).toBeInTheDocument());
    expect(await screen.findByText('区市场监管局 · 部门服务')).toBeInTheDocument();
  });

  it('a department already rated this quarter is marked 已评价 with when, and is not offered again', async () => {
    backend(me, departments, ...ratingServer(new Map([[9, '2026-10-20T06:30:00.000Z']])));
    render(<SurveyScreen params={{}} />);
    fireEvent.click(screen.getByText('评价部门服务'));
    await screen.findByText('区人社局');
    const rated = screen.getByText('区市场监管局').closest('.nut-cell') as HTMLElement;
    await waitFor(() => expect(within(rated).getByText('已评价 ✓')).toBeInTheDocument());
    expect(within(rated).getByText(/已于 .*10月20日 14:30 评价/)).toBeInTheDocument();
    expect(within(rated).queryByText('去评价 ›')).not.toBeInTheDocument();
    fireEvent.click(rated);
    expect(taroMock.navigations).toHaveLength(0);
    const open = screen.getByText('区人社局').closest('.nut-cell') as HTMLElement;
    expect(within(open).getByText('去评价 ›')).toBeInTheDocument();
    expect(taroMock.requests.find((r) => r.url.includes('department-status'))!.url).toContain(encodeURIComponent('2026年第四季度'));
  });

  it('reopening a department rated this quarter shows when it was rated, not a blank form', async () => {
    backend(me, departments, ...ratingServer(new Map([[9, '2026-10-20T06:30:00.000Z']])));
    render(<SurveyScreen params={{ departmentId: '9', stage: encodeURIComponent('2026年第四季度') }} />);
    expect(await screen.findByText('您已评价过')).toBeInTheDocument();
    expect(screen.getByText(/您已于 .*10月20日 14:30 评价过/)).toBeInTheDocument();
    expect(screen.getByText('每个部门每季度可评价一次，下季度可再次评价。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument();
  });

  it('staff browsing the hub are not asked about ratings', async () => {
    signedIn({ ...USER, role: 'visitor', department: { id: 1, name: '区营商办' } });
    backend(departments, ...ratingServer());
    render(<SurveyScreen params={{}} />);
    fireEvent.click(screen.getByText('评价部门服务'));
    await screen.findByText('区人社局');
    expect(taroMock.requests.some((r) => r.url.includes('department-status'))).toBe(false);
  });
});
