import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SurveyScreen } from '@/features/survey/survey-screen';
import { pendingRequests } from '@/lib/api/offline-queue';
import { taroMock, type MockRequest } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';

beforeEach(() => {
  freshApp();
  signedIn();
});

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } }));
const ratingPosts = () => taroMock.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/ratings'));

function pick(dimension: string, level: string) {
  fireEvent.click(screen.getByRole('radio', { name: `${dimension} ${level}` }));
}

function rateAll(overall = '满意') {
  pick('整体满意度', overall);
  pick('服务效率', '满意');
  pick('服务水平', '非常满意');
  pick('服务态度', '基本满意');
}

const departmentSurvey = { departmentId: '4', stage: '2026Q4', title: '区科工局' };
/** The server's answer before the form: 区科工局, not yet rated at 2026Q4. */
const status = on('GET', '/api/v1/ratings/status', () => ({
  statusCode: 200,
  data: {
    target: { kind: 'department', departmentId: 4, stage: '2026Q4' },
    title: '区科工局',
    department: { id: 4, name: '区科工局' },
    stage: '2026Q4',
    delivery: null,
    ratedAt: null,
  },
}));
const formShown = () => screen.findByRole('button', { name: '提交评价' });

describe('服务评价 survey', () => {
  it('does not submit until all four dimensions are rated, and says which one is missing', async () => {
    backend(me, status, on('POST', '/api/v1/ratings', () => ({ statusCode: 201, data: { id: 1, ticketId: null } })));
    render(<SurveyScreen params={departmentSurvey} />);
    await formShown();
    expect(await screen.findByText('区科工局 · 部门服务')).toBeInTheDocument();

    pick('整体满意度', '满意');
    pick('服务效率', '满意');
    pick('服务水平', '非常满意');
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('请为“服务态度”选择评价等级');
    expect(ratingPosts()).toHaveLength(0);

    pick('服务态度', '基本满意');
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('已提交')).toBeInTheDocument();
    const [post] = ratingPosts();
    expect(post.data).toEqual({
      target: { kind: 'department', departmentId: 4, stage: '2026Q4' },
      scores: { overall: 4, efficiency: 4, level: 5, attitude: 3 },
    });
    expect(post.header['Idempotency-Key']).toBeTruthy();
    expect(screen.queryByText('您的反馈已转交整改')).not.toBeInTheDocument();
  });

  it('a bad rating with a problem report is passed on for rectification', async () => {
    backend(me, status, on('POST', '/api/v1/ratings', () => ({ statusCode: 201, data: { id: 2, ticketId: 31 } })));
    render(<SurveyScreen params={departmentSurvey} />);
    await formShown();
    rateAll('不满意');
    fireEvent.click(screen.getByRole('switch', { name: '我要反映问题' }));
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    // A problem report needs its category and description.
    expect(await screen.findByRole('alert')).toHaveTextContent('请选择问题类别');
    fireEvent.click(screen.getByRole('radio', { name: '办事效率' }));
    fireEvent.change(screen.getByPlaceholderText('请描述遇到的问题，如办理环节、时间等'), { target: { value: '材料退回三次' } });
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));

    expect(await screen.findByText('您的反馈已转交整改')).toBeInTheDocument();
    expect(ratingPosts()[0].data).toMatchObject({ scores: { overall: 2 }, problem: { category: '办事效率', description: '材料退回三次', photos: [] } });
    fireEvent.click(screen.getByRole('button', { name: '查看工单' }));
    expect(taroMock.navigations).toContainEqual({ kind: 'navigateTo', url: '/pages/tickets/detail?id=31' });
  });

  it('a second rating of the same stage gets a friendly 已评价 message, not an error', async () => {
    backend(
      me,
      status,
      on('POST', '/api/v1/ratings', () => ({
        statusCode: 409,
        data: { error: { code: 'ALREADY_RATED', message: '您已评价过该事项的这一阶段，感谢您的反馈' } },
      })),
    );
    render(<SurveyScreen params={departmentSurvey} />);
    await formShown();
    rateAll();
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('您已评价过')).toBeInTheDocument();
    expect(screen.getByText('您已评价过该事项的这一阶段，感谢您的反馈')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument();
  });

  it('keeps the answers as a draft when the page is closed and opened again', async () => {
    backend(me, status);
    const first = render(<SurveyScreen params={departmentSurvey} />);
    await formShown();
    pick('整体满意度', '非常不满意');
    pick('服务效率', '不满意');
    first.unmount();

    render(<SurveyScreen params={departmentSurvey} />);
    await formShown();
    expect(screen.getByRole('radio', { name: '整体满意度 非常不满意（已选）' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '服务效率 不满意（已选）' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '服务水平 满意' })).toBeInTheDocument();
  });

  it('offline: queues the rating once, then sends it exactly once when the network returns (online fired twice)', async () => {
    let online = false;
    backend(me, status, (request: MockRequest) => {
      if (!request.url.endsWith('/api/v1/ratings')) return undefined;
      return online ? { statusCode: 201, data: { id: 5, ticketId: null } } : { fail: 'request:fail net::ERR_INTERNET_DISCONNECTED' };
    });
    render(<SurveyScreen params={departmentSurvey} />);
    await formShown();
    rateAll();
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));

    expect(await screen.findByText('等待网络，恢复后自动提交')).toBeInTheDocument();
    const offlineKeys = new Set(ratingPosts().map((r) => r.header['Idempotency-Key']));
    expect(offlineKeys.size).toBe(1);
    expect(pendingRequests()).toHaveLength(1);
    const [queued] = pendingRequests();
    expect(queued.key).toBe([...offlineKeys][0]);

    const before = ratingPosts().length;
    online = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
    });

    expect(await screen.findByText('已提交')).toBeInTheDocument();
    const replays = ratingPosts().slice(before);
    expect(replays).toHaveLength(1);
    expect(replays[0].header['Idempotency-Key']).toBe(queued.key);
    expect(pendingRequests()).toHaveLength(0);

    // More network events later send nothing again.
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(ratingPosts().slice(before)).toHaveLength(1);
  });

  it('opened from a visit QR: pre-filled with the project and stage, and linked to the visit', async () => {
    const visit = {
      id: 12,
      enterprise: { id: ENTERPRISE.id, name: ENTERPRISE.name },
      project: { id: 3, name: '智能装备产业园二期项目' },
      department: { id: 4, name: '区发改委' },
      stage: '施工许可',
      target: { kind: 'project', projectId: 3, stage: '施工许可' },
      ratedAt: null,
      alreadyRatedAt: null,
    };
    backend(
      me,
      on('GET', '/api/v1/visits/Ab3dEf9hJkLmNp2q', () => ({ statusCode: 200, data: visit })),
      on('POST', '/api/v1/ratings', () => ({ statusCode: 201, data: { id: 8, ticketId: null } })),
    );
    render(<SurveyScreen params={{ scene: 'Ab3dEf9hJkLmNp2q' }} />);
    expect(await screen.findByText('智能装备产业园二期项目')).toBeInTheDocument();
    expect(screen.getByText(/阶段：施工许可/)).toBeInTheDocument();
    rateAll();
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    await screen.findByText('已提交');
    expect(ratingPosts()[0].data).toMatchObject({ target: { kind: 'project', projectId: 3, stage: '施工许可' }, visitId: 12 });
  });

  it("another enterprise's QR code says so instead of showing a survey", async () => {
    backend(me, on('GET', '/api/v1/visits/Zz9', () => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '未找到该走访，请确认扫描的是本企业的评价码' } } })));
    render(<SurveyScreen params={{ scene: 'Zz9' }} />);
    expect(await screen.findByText('未找到该走访，请确认扫描的是本企业的评价码')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument();
  });

  it('staff accounts cannot rate on an enterprise’s behalf', async () => {
    signedIn({ ...USER, role: 'visitor', department: { id: 1, name: '区营商办' } });
    backend();
    render(<SurveyScreen params={departmentSurvey} />);
    expect(screen.getByText('请使用企业账号评价')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument());
  });

  it('already rated this stage: says when, instead of a blank form, and clears any old draft', async () => {
    taroMock.storage.set('yst.survey-draft.department:4:2026Q4', { scores: { overall: 2 }, comment: '旧草稿', problemOpen: false, category: '', description: '', photos: [], queuedKey: null });
    backend(
      me,
      on('GET', '/api/v1/ratings/status', (r) => {
        expect(r.url).toContain('departmentId=4');
        expect(r.url).toContain('stage=2026Q4');
        return { statusCode: 200, data: { ...(status(r) as { data: object }).data, ratedAt: '2026-03-12T02:05:00.000Z' } };
      }),
    );
    render(<SurveyScreen params={departmentSurvey} />);
    expect(await screen.findByText('您已评价过')).toBeInTheDocument();
    expect(screen.getByText(/^您已于 .*3月12日 10:05 评价过该事项的这一阶段，感谢您的反馈。$/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: '整体满意度 满意' })).not.toBeInTheDocument();
    expect(taroMock.storage.has('yst.survey-draft.department:4:2026Q4')).toBe(false);
  });

  it('the heading is the server’s name for the thing, not the link’s title', async () => {
    backend(me, status);
    render(<SurveyScreen params={{ departmentId: '4', stage: '2026Q4', title: 'x' }} />);
    await formShown();
    expect(await screen.findByText('区科工局 · 部门服务')).toBeInTheDocument();
    expect(screen.queryByText('x')).not.toBeInTheDocument();
  });

  it('a delivery is named by its booking, a project by its name and department', async () => {
    backend(
      me,
      on('GET', '/api/v1/ratings/status', (r) =>
        r.url.includes('deliveryId=21')
          ? {
              statusCode: 200,
              data: {
                target: { kind: 'delivery', deliveryId: 21 },
                title: '证照递送服务',
                department: { id: 2, name: '区政务服务中心' },
                stage: '',
                delivery: { date: '2026-09-29', items: [{ kind: '营业执照' }, { kind: '其他', description: '开户许可' }] },
                ratedAt: null,
              },
            }
          : {
              statusCode: 200,
              data: {
                target: { kind: 'project', projectId: 3, stage: '立项' },
                title: '智能装备产业园二期项目',
                department: { id: 5, name: '区发改委' },
                stage: '立项',
                delivery: null,
                ratedAt: null,
              },
            },
      ),
    );
    const delivery = render(<SurveyScreen params={{ deliveryId: '21', title: '随便写的' }} />);
    await formShown();
    expect(await screen.findByText(/^证照递送服务 · .*9月29日.* 营业执照、开户许可$/)).toBeInTheDocument();
    expect(screen.queryByText('随便写的')).not.toBeInTheDocument();
    delivery.unmount();
    render(<SurveyScreen params={{ projectId: '3', stage: '立项' }} />);
    await formShown();
    expect(await screen.findByText('智能装备产业园二期项目')).toBeInTheDocument();
    expect(screen.getByText('阶段：立项 · 服务部门：区发改委')).toBeInTheDocument();
  });

  it('someone else’s or a not yet ratable thing is said so before any form', async () => {
    backend(me, on('GET', '/api/v1/ratings/status', () => ({ statusCode: 409, data: { error: { code: 'NOT_RATABLE', message: '证照送达后才能评价' } } })));
    render(<SurveyScreen params={{ deliveryId: '22' }} />);
    expect(await screen.findByText('证照送达后才能评价')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument();
  });

  it('another enterprise’s project is not found before any form; a server without the status route still shows the form', async () => {
    backend(me, on('GET', '/api/v1/ratings/status', () => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '未找到该项目', field: 'target.projectId' } } })));
    const foreign = render(<SurveyScreen params={{ projectId: '77', stage: '立项' }} />);
    expect(await screen.findByText('未找到该项目')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument();
    foreign.unmount();

    backend(me);
    render(<SurveyScreen params={departmentSurvey} />);
    expect(await formShown()).toBeInTheDocument();
  });

  it('offline, the survey opens anyway under the link’s title (the draft and queue carry it)', async () => {
    backend(me, (r) => (r.url.includes('/ratings/status') ? { fail: 'request:fail net::ERR_INTERNET_DISCONNECTED' } : undefined));
    render(<SurveyScreen params={departmentSurvey} />);
    expect(await screen.findByRole('button', { name: '提交评价' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('区科工局')).toBeInTheDocument();
  });

  it('tapping the label “我要反映问题（选填）” opens and closes the problem report, like the switch', async () => {
    backend(me, status);
    render(<SurveyScreen params={departmentSurvey} />);
    await formShown();
    const toggle = screen.getByRole('switch', { name: '我要反映问题' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(screen.getByText('我要反映问题（选填）'));
    expect(screen.getByRole('radiogroup', { name: '问题类别' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: '我要反映问题' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByText('我要反映问题（选填）'));
    expect(screen.queryByRole('radiogroup', { name: '问题类别' })).not.toBeInTheDocument();
  });

  it('a visit for a stage the enterprise already rated another way shows 已评价 with when, not a form', async () => {
    backend(
      me,
      on('GET', '/api/v1/visits/Ab3dEf9hJkLmNp2r', () => ({
        statusCode: 200,
        data: {
          id: 13,
          enterprise: { id: ENTERPRISE.id, name: ENTERPRISE.name },
          project: { id: 3, name: '智能装备产业园二期项目' },
          department: { id: 4, name: '区发改委' },
          stage: '立项',
          target: { kind: 'project', projectId: 3, stage: '立项' },
          ratedAt: null,
          alreadyRatedAt: '2026-03-12T02:05:00.000Z',
        },
      })),
    );
    render(<SurveyScreen params={{ scene: 'Ab3dEf9hJkLmNp2r' }} />);
    expect(await screen.findByText(/^您已于 .*3月12日 10:05 评价过该事项的这一阶段/)).toBeInTheDocument();
    expect(screen.getByText('本次走访无需再评价。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument();
  });
});
