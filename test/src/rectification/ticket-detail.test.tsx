import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TicketDetailScreen } from '@/features/rectification/ticket-detail-screen';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { ADMIN_USER, OTHER_STAFF, STAFF_USER, meRoute, pathOf, ticket } from './fixtures';

beforeEach(freshApp);

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

const RATER = { enterpriseName: '宁德新能源科技有限公司', contactMasked: '138****1234' };
const posts = () => taroMock.requests.filter((r) => r.method === 'POST');

describe('工单详情', () => {
  it('the responsible department sees the scores, the rater as the API gives it, and records the callback', async () => {
    signedIn(STAFF_USER);
    let current = ticket({ rater: RATER });
    backend(
      meRoute(STAFF_USER),
      on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: current })),
      on('POST', '/api/v1/tickets/101/callback', (r) => {
        const body = r.data as { at: string; outcome: string };
        current = {
          ...current,
          status: 'called_back',
          callback: { at: body.at, outcome: body.outcome },
          history: [...current.history, { action: 'callback', at: body.at, by: '区市场监管局', note: body.outcome }],
        };
        return { statusCode: 200, data: current };
      }),
    );
    render(<TicketDetailScreen id={101} />);

    const rating = await screen.findByTestId('rating');
    expect(within(rating).getAllByText('2 分 · 不满意')).toHaveLength(2);
    expect(within(rating).getByText('1 分 · 非常不满意')).toBeInTheDocument();
    expect(within(rating).getByText('材料反复退回，跑了三次')).toBeInTheDocument();
    expect(within(rating).getByText('2 张')).toBeInTheDocument();
    const rater = screen.getByTestId('rater');
    expect(within(rater).getByText('宁德新能源科技有限公司')).toBeInTheDocument();
    expect(within(rater).getByText('138****1234')).toBeInTheDocument();

    const form = screen.getByTestId('callback-form');
    fireEvent.change(within(form).getByPlaceholderText('如 2026-10-09 14:30'), { target: { value: '2026-09-29 09:30' } });
    fireEvent.change(within(form).getByPlaceholderText('与企业沟通的情况、企业诉求'), { target: { value: '已电话联系企业负责人' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存回访记录' }));

    await screen.findByTestId('rectify-form');
    // 09:30 China time is 01:30 UTC.
    expect(posts().map((r) => [pathOf(r), r.data])).toEqual([
      ['/api/v1/tickets/101/callback', { at: '2026-09-29T01:30:00.000Z', outcome: '已电话联系企业负责人' }],
    ]);
    expect(screen.queryByTestId('callback-form')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('timeline')).getByText('记录回访 · 区市场监管局')).toBeInTheDocument();
    expect(screen.getByText('9月29日 09:30 · 已电话联系企业负责人')).toBeInTheDocument();
  });

  it('shows the rater’s full number only after a tap, from the audited endpoint, to call back', async () => {
    signedIn(STAFF_USER);
    let looked = 0;
    backend(
      meRoute(STAFF_USER),
      on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: ticket({ rater: RATER }) })),
      on('GET', '/api/v1/tickets/101/contact', () => {
        looked += 1;
        return { statusCode: 200, data: { enterpriseName: RATER.enterpriseName, phone: '13812341234' } };
      }),
    );
    render(<TicketDetailScreen id={101} />);
    const rater = await screen.findByTestId('rater');
    expect(within(rater).queryByText('13812341234')).not.toBeInTheDocument();
    expect(looked).toBe(0);
    fireEvent.click(within(rater).getByRole('button', { name: '查看完整号码以回访（将记入查看记录）' }));
    expect(await within(rater).findByText('13812341234')).toBeInTheDocument();
    expect(within(rater).getByRole('button', { name: '拨打电话回访' })).toBeInTheDocument();
    expect(looked).toBe(1);
  });

  it('offers no full number once the ticket is closed', async () => {
    signedIn(STAFF_USER);
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: ticket({ rater: RATER, status: 'closed' }) })));
    render(<TicketDetailScreen id={101} />);
    const rater = await screen.findByTestId('rater');
    expect(within(rater).getByText('138****1234')).toBeInTheDocument();
    expect(within(rater).queryByRole('button')).not.toBeInTheDocument();
  });

  it('refuses a callback time that is not a real time, before sending anything', async () => {
    signedIn(STAFF_USER);
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: ticket() })));
    render(<TicketDetailScreen id={101} />);
    const form = await screen.findByTestId('callback-form');
    fireEvent.change(within(form).getByPlaceholderText('如 2026-10-09 14:30'), { target: { value: '2026-02-30 09:30' } });
    fireEvent.change(within(form).getByPlaceholderText('与企业沟通的情况、企业诉求'), { target: { value: '已联系' } });
    expect(within(form).getByText('请按“2026-10-09 14:30”的格式填写回访时间')).toBeInTheDocument();
    fireEvent.click(within(form).getByRole('button', { name: '保存回访记录' }));
    expect(posts()).toHaveLength(0);
  });

  it('sends the fix and the reply, and shows the server’s refusal under the form', async () => {
    signedIn(STAFF_USER);
    backend(
      meRoute(STAFF_USER),
      on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: ticket({ status: 'called_back' }) })),
      on('POST', '/api/v1/tickets/101/rectify', () => ({
        statusCode: 409,
        data: { error: { code: 'TICKET_STATUS', message: '工单当前状态为“申诉复核中”，不能登记整改' } },
      })),
    );
    render(<TicketDetailScreen id={101} />);
    const form = await screen.findByTestId('rectify-form');
    fireEvent.change(within(form).getByPlaceholderText('已采取的整改措施'), { target: { value: '材料清单一次告知' } });
    fireEvent.change(within(form).getByPlaceholderText('企业将看到这段答复'), { target: { value: '已修订材料清单，欢迎监督' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交整改并答复企业' }));
    expect(await within(form).findByText('工单当前状态为“申诉复核中”，不能登记整改')).toBeInTheDocument();
    expect(posts()[0].data).toEqual({ fix: '材料清单一次告知', reply: '已修订材料清单，欢迎监督' });
  });

  it('appeals with a reason after confirming', async () => {
    signedIn(STAFF_USER);
    backend(
      meRoute(STAFF_USER),
      on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: ticket({ status: 'called_back' }) })),
      on('POST', '/api/v1/tickets/101/appeal', (r) => ({
        statusCode: 200,
        data: ticket({ status: 'appealing', appeal: { reason: (r.data as { reason: string }).reason, at: '2026-09-30T02:00:00.000Z', decision: null } }),
      })),
    );
    render(<TicketDetailScreen id={101} />);
    const form = await screen.findByTestId('appeal-form');
    fireEvent.change(within(form).getByPlaceholderText('说明评价错误或恶意的事实依据'), { target: { value: '该企业当日未到窗口办事' } });
    fireEvent.click(within(form).getByRole('button', { name: '提出申诉' }));
    expect(await screen.findByText('申诉复核中')).toBeInTheDocument();
    expect(posts()[0].data).toEqual({ reason: '该企业当日未到窗口办事' });
    expect(screen.queryByTestId('appeal-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rectify-form')).not.toBeInTheDocument();
  });

  it('appeal decision buttons are for the office only', async () => {
    const appealing = ticket({ status: 'appealing', appeal: { reason: '恶意评价', at: '2026-09-30T02:00:00.000Z', decision: null } });

    signedIn(STAFF_USER);
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: appealing })));
    const staffView = render(<TicketDetailScreen id={101} />);
    await screen.findByText('申诉复核中');
    expect(screen.queryByRole('button', { name: '申诉成立' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '驳回申诉' })).not.toBeInTheDocument();
    staffView.unmount();

    signedIn(ADMIN_USER);
    backend(
      meRoute(ADMIN_USER),
      on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: appealing })),
      on('POST', '/api/v1/admin/appeals/101/decide', () => ({
        statusCode: 200,
        data: { ...appealing, status: 'called_back', appeal: { ...appealing.appeal!, decision: { upheld: false, note: '证据不足', at: '2026-10-01T02:00:00.000Z' } } },
      })),
    );
    render(<TicketDetailScreen id={101} />);
    const decision = await screen.findByTestId('decision-101');
    fireEvent.change(within(decision).getByPlaceholderText('复核依据与结论'), { target: { value: '证据不足' } });
    fireEvent.click(within(decision).getByRole('button', { name: '驳回申诉' }));
    expect(await screen.findByText(/申诉驳回 · 证据不足/)).toBeInTheDocument();
    expect(posts().map((r) => [pathOf(r), r.data])).toEqual([['/api/v1/admin/appeals/101/decide', { upheld: false, note: '证据不足' }]]);
    // The office never gets the department's action forms.
    expect(screen.queryByTestId('callback-form')).not.toBeInTheDocument();
  });

  it('another department’s staff and the office get no rater and no action forms', async () => {
    signedIn(OTHER_STAFF);
    backend(meRoute(OTHER_STAFF), on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: ticket() })));
    render(<TicketDetailScreen id={101} />);
    await screen.findByTestId('rating');
    expect(screen.queryByTestId('rater')).not.toBeInTheDocument();
    expect(screen.queryByTestId('callback-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('appeal-form')).not.toBeInTheDocument();
  });

  it('says why a ticket cannot be opened', async () => {
    signedIn(OTHER_STAFF);
    backend(
      meRoute(OTHER_STAFF),
      on('GET', '/api/v1/tickets/101', () => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '未找到该工单' } } })),
    );
    render(<TicketDetailScreen id={101} />);
    expect(await screen.findByText('未找到该工单')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('无法打开工单')).toBeInTheDocument());
  });

  it('an appealed ticket reads as paused, not counting down to its deadline', async () => {
    signedIn(STAFF_USER);
    const appealed = ticket({
      status: 'appealing',
      rater: RATER,
      deadlineAt: '2026-12-10T16:00:00.000Z',
      appeal: { reason: '该企业当日未到我局办理业务', at: '2026-11-27T01:00:00.000Z', decision: null },
    });
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: appealed })));
    render(<TicketDetailScreen id={101} />);
    expect(await screen.findByText('申诉复核中，整改期限暂停')).toBeInTheDocument();
    expect(screen.getByText('12月10日 24:00（申诉期间暂停）')).toBeInTheDocument();
    expect(screen.queryByText(/剩 \d+ 天|前整改/)).not.toBeInTheDocument();
  });
});
