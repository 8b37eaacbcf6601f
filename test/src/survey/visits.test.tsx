import { fireEvent, render, screen, within } from '@testing-library/react';
import type { VisitSummary } from '@contract/satisfaction';
import { NewVisitScreen } from '@/features/visits/new-visit-screen';
import { VisitsScreen, ratedLabel } from '@/features/visits/visits-screen';
import { taroMock } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';

const VISITOR = { ...USER, id: 40, role: 'visitor' as const, displayName: '游晓峰', department: { id: 1, name: '区营商办' }, phoneMasked: null };

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

beforeEach(() => {
  freshApp();
  signedIn(VISITOR);
});

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: VISITOR, enterprise: null } }));

function visit(id: number, ratedAt: string | null): VisitSummary {
  return {
    id,
    scene: `Scene${id}`,
    miniProgramPath: `pages/survey/index?scene=Scene${id}`,
    h5Url: `/#/pages/survey/index?scene=Scene${id}`,
    enterprise: { id: 3, name: `企业${id}` },
    project: null,
    department: { id: 1, name: '区营商办' },
    stage: '2026年第四季度走访',
    createdAt: '2026-11-27T01:00:00.000Z',
    ratedAt,
    ratedElsewhere: false,
  };
}

describe('走访评价 (visitor)', () => {
  it('rated time in Beijing, read as every instant in the app: the year only outside the current one', () => {
    const now = new Date('2026-11-27T06:00:00.000Z');
    expect(ratedLabel('2026-11-27T03:32:00.000Z', now)).toBe('已评价 11月27日 11:32');
    expect(ratedLabel('2026-11-25T17:05:00.000Z', now)).toBe('已评价 11月26日 01:05');
    expect(ratedLabel('2025-11-27T03:32:00.000Z', now)).toBe('已评价 2025年11月27日 11:32');
  });

  it('the list shows whether each visit was rated, never a score', async () => {
    const ratedAt = '2026-11-27T01:59:00.000Z';
    // Visit 3's stage had been rated before the visit, another way in: done, and said so.
    const earlier = { ...visit(3, '2026-03-12T02:05:00.000Z'), ratedElsewhere: true };
    backend(me, on('GET', '/api/v1/visits', () => ({ statusCode: 200, data: { items: [visit(1, ratedAt), visit(2, null), earlier], total: 3 } })));
    render(<VisitsScreen />);
    const rated = (await screen.findByText('企业1')).closest('[role="button"]') as HTMLElement;
    expect(within(rated).getByText('已评价 11月27日 09:59')).toBeInTheDocument();
    expect(within(rated).getByText('发起于 11月27日 09:00')).toBeInTheDocument();
    const waiting = screen.getByText('企业2').closest('[role="button"]') as HTMLElement;
    expect(within(waiting).getByText('待评价')).toBeInTheDocument();
    const before = screen.getByText('企业3').closest('[role="button"]') as HTMLElement;
    expect(within(before).getByText('已评价（此前）')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/满意|分/);
  });

  const enterprises = on('GET', '/api/v1/admin/enterprises', (r) => ({ statusCode: 200, data: r.url.includes('q=%E5%B9%B3%E5%AE%89') ? { items: [ENTERPRISE], total: 1 } : { items: [], total: 0 } }));

  it('opens a visit for the chosen enterprise and shows its QR code with the absolute H5 link', async () => {
    backend(
      me,
      enterprises,
      on('GET', '/api/v1/projects', () => ({ statusCode: 200, data: { items: [] } })),
      on('POST', '/api/v1/visits', () => ({
        statusCode: 201,
        data: { id: 9, scene: 'Q7wErTy', miniProgramPath: 'pages/survey/index?scene=Q7wErTy', h5Url: '/#/pages/survey/index?scene=Q7wErTy' },
      })),
    );
    render(<NewVisitScreen />);
    const generate = screen.getByRole('button', { name: '生成评价码' });
    expect(generate).toHaveClass('nut-button-disabled');

    fireEvent.change(screen.getByPlaceholderText('输入企业名称或统一社会信用代码'), { target: { value: '平安' } });
    fireEvent.click(await screen.findByText(ENTERPRISE.name));
    // No key project: the visit rates the department's service.
    expect(await screen.findByText('该企业暂无重点项目，本次走访评价部门服务。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '生成评价码' }));

    const link = `${window.location.origin}/#/pages/survey/index?scene=Q7wErTy`;
    expect(await screen.findByText(link)).toBeInTheDocument();
    const qr = screen.getByRole('img', { name: '评价二维码' }) as HTMLImageElement;
    expect(qr.getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    expect(qr.closest('[data-qr-text]')?.getAttribute('data-qr-text')).toBe(link);

    const post = taroMock.requests.find((r) => r.method === 'POST');
    expect(post?.data).toEqual({ enterpriseId: ENTERPRISE.id, stage: expect.stringMatching(/^\d{4}年第[一二三四]季度走访$/) });
    expect(post?.header['Idempotency-Key']).toBeTruthy();
  });

  it('rates a stage of one of the enterprise’s key projects, asking which stage first', async () => {
    let asked = '';
    backend(
      me,
      enterprises,
      on('GET', '/api/v1/projects', (r) => {
        asked = r.url;
        return {
          statusCode: 200,
          data: {
            items: [
              { id: 7, name: '智能装备产业园二期项目', department: { id: 4, name: '区发改委' }, stages: ['立项审批', '用地审批', '施工许可'] },
              { id: 8, name: '华宇电子扩产项目', department: { id: 5, name: '区科工局' }, stages: ['备案'] },
            ],
          },
        };
      }),
      on('POST', '/api/v1/visits', () => ({
        statusCode: 201,
        data: { id: 10, scene: 'P7wErTy', miniProgramPath: 'pages/survey/index?scene=P7wErTy', h5Url: '/#/pages/survey/index?scene=P7wErTy' },
      })),
    );
    render(<NewVisitScreen />);
    fireEvent.change(screen.getByPlaceholderText('输入企业名称或统一社会信用代码'), { target: { value: '平安' } });
    fireEvent.click(await screen.findByText(ENTERPRISE.name));

    fireEvent.click(await screen.findByRole('radio', { name: '智能装备产业园二期项目' }));
    expect(asked).toContain(`enterpriseId=${ENTERPRISE.id}`);
    expect(screen.getByText('重点项目 · 负责部门：区发改委')).toBeInTheDocument();
    // A project with fixed stages: nothing to open until a stage is picked.
    expect(screen.getByRole('button', { name: '生成评价码' })).toHaveClass('nut-button-disabled');
    fireEvent.click(screen.getByRole('radio', { name: '用地审批' }));
    expect(screen.getByRole('radio', { name: '用地审批（已选）' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '生成评价码' }));

    expect(await screen.findByText('智能装备产业园二期项目 · 用地审批')).toBeInTheDocument();
    const post = taroMock.requests.find((r) => r.method === 'POST');
    expect(post?.data).toEqual({ enterpriseId: ENTERPRISE.id, projectId: 7, stage: '用地审批' });
  });

  it('says when the projects cannot be read, and reads them again on 重试', async () => {
    let failing = true;
    backend(
      me,
      enterprises,
      on('GET', '/api/v1/projects', () =>
        failing ? { statusCode: 403, data: { error: { code: 'FORBIDDEN', message: '登录已过期，请重新登录' } } } : { statusCode: 200, data: { items: [] } },
      ),
    );
    render(<NewVisitScreen />);
    fireEvent.change(screen.getByPlaceholderText('输入企业名称或统一社会信用代码'), { target: { value: '平安' } });
    fireEvent.click(await screen.findByText(ENTERPRISE.name));
    expect(await screen.findByText(/^未能读取重点项目：/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '生成评价码' })).toHaveClass('nut-button-disabled');
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('该企业暂无重点项目，本次走访评价部门服务。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '生成评价码' })).not.toHaveClass('nut-button-disabled');
  });

  it('an enterprise account is sent to the staff login', () => {
    signedIn(USER);
    backend();
    render(<NewVisitScreen />);
    expect(screen.getByText('请先使用工作人员账号登录')).toBeInTheDocument();
    expect(screen.queryByPlaceholderText('输入企业名称或统一社会信用代码')).not.toBeInTheDocument();
  });

  it('stages the enterprise already rated are marked 已评价 and cannot be picked; a refused visit says why', async () => {
    const asked: string[] = [];
    backend(
      me,
      enterprises,
      on('GET', '/api/v1/projects', () => ({
        statusCode: 200,
        data: { items: [{ id: 7, name: '智能装备产业园二期项目', department: { id: 4, name: '区发改委' }, stages: ['立项审批', '用地审批', '施工许可'] }] },
      })),
      on('GET', '/api/v1/visits/rated-stages', (r) => {
        asked.push(r.url);
        return { statusCode: 200, data: { stages: r.url.includes('projectId=7') ? ['立项审批'] : ['2026年第四季度走访'] } };
      }),
      on('POST', '/api/v1/visits', () => ({
        statusCode: 409,
        data: { error: { code: 'ALREADY_RATED', message: '该企业已评价过该项目的“用地审批”阶段，请选择其他阶段', field: 'stage' } },
      })),
    );
    render(<NewVisitScreen />);
    fireEvent.change(screen.getByPlaceholderText('输入企业名称或统一社会信用代码'), { target: { value: '平安' } });
    fireEvent.click(await screen.findByText(ENTERPRISE.name));

    // The department's service this quarter was already rated: said at once, under the stage.
    fireEvent.click(await screen.findByRole('radio', { name: '部门服务' }));
    expect(await screen.findByText('该企业已评价过“2026年第四季度走访”阶段，请填写其他阶段')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: '智能装备产业园二期项目' }));
    const rated = await screen.findByRole('radio', { name: '立项审批（已评价，不可选）' });
    expect(rated).toHaveTextContent('立项审批 · 已评价');
    expect(asked.some((u) => u.includes(`enterpriseId=${ENTERPRISE.id}`) && u.includes('projectId=7'))).toBe(true);
    fireEvent.click(rated);
    expect(screen.queryByRole('radio', { name: /立项审批（已选）/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '生成评价码' })).toHaveClass('nut-button-disabled');

    // Rated meanwhile (e.g. offline, or a colleague's code): the server refuses with the reason.
    fireEvent.click(screen.getByRole('radio', { name: '用地审批' }));
    fireEvent.click(screen.getByRole('button', { name: '生成评价码' }));
    expect(await screen.findByText('该企业已评价过该项目的“用地审批”阶段，请选择其他阶段')).toBeInTheDocument();
  });
});
