import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Ticket } from '@contract/satisfaction';
import { MyTicketsScreen } from '@/features/tickets/my-tickets-screen';
import { TicketDetailScreen } from '@/features/tickets/ticket-detail-screen';
import { taroMock } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

beforeEach(() => {
  freshApp();
  signedIn();
});

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } }));

function ticket(over: Partial<Ticket>): Ticket {
  return {
    id: 31,
    ratingId: 2,
    status: 'open',
    department: { id: 4, name: '区科工局' },
    subject: { kind: 'project', title: '华宇电子高端电路板扩产项目', stage: '施工许可' },
    scores: { overall: 2, efficiency: 1, level: 3, attitude: 2 },
    comment: '材料退回三次',
    problem: { category: '办事效率', description: '一次性告知不到位', photoCount: 1 },
    deadlineAt: '2026-12-18T09:59:59.999Z',
    callbackDueAt: '2026-11-30T09:59:59.999Z',
    overdue: false,
    callback: null,
    fix: null,
    reply: null,
    rectifiedAt: null,
    closedAt: null,
    reopenCount: 0,
    appeal: null,
    rater: null,
    history: [{ action: 'created', at: '2026-11-27T02:00:00.000Z', by: '系统', note: '整体满意度 2 分，自动生成整改工单' }],
    createdAt: '2026-11-27T02:00:00.000Z',
    ...over,
  };
}

const rectified = ticket({
  status: 'rectified',
  callback: { at: '2026-11-27T06:00:00.000Z', outcome: '已电话联系企业' },
  fix: '推行一次性告知清单',
  reply: '已整改，请确认',
  rectifiedAt: '2026-11-28T02:00:00.000Z',
});

describe('我的工单', () => {
  it('lists tickets with deadline (Beijing time), overdue badge and what needs my action', async () => {
    backend(
      me,
      on('GET', '/api/v1/me/tickets', () => ({ statusCode: 200, data: { items: [ticket({ overdue: true }), { ...rectified, id: 32 }], total: 2 } })),
    );
    render(<MyTicketsScreen />);
    expect(await screen.findByText('整改期限 12月18日 17:59')).toBeInTheDocument();
    expect(screen.getByText('已超期')).toBeInTheDocument();
    expect(screen.getByText('待您确认')).toBeInTheDocument();
    expect(screen.getByText('部门已答复，请确认整改结果')).toBeInTheDocument();
  });

  it('confirm and reopen are offered only after the department replied', async () => {
    backend(me, on('GET', '/api/v1/tickets/31', () => ({ statusCode: 200, data: ticket({}) })));
    render(<TicketDetailScreen id={31} />);
    expect(await screen.findByText('部门将于 11月30日 17:59 前与您联系')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '确认办结' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '未解决，退回重办' })).not.toBeInTheDocument();
  });

  it('reopening needs a reason and sends it; the ticket then shows the new deadline', async () => {
    const reopened = ticket({ status: 'reopened', reopenCount: 1, deadlineAt: '2027-01-05T09:59:59.999Z' });
    backend(
      me,
      on('GET', '/api/v1/tickets/31', () => ({ statusCode: 200, data: rectified })),
      on('POST', '/api/v1/tickets/31/reopen', () => ({ statusCode: 200, data: reopened })),
    );
    render(<TicketDetailScreen id={31} />);
    expect(await screen.findByText('推行一次性告知清单')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '未解决，退回重办' }));
    fireEvent.click(screen.getByRole('button', { name: '提交退回' }));
    expect(await screen.findByText('请填写退回原因（至少 2 个字）')).toBeInTheDocument();
    expect(taroMock.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByPlaceholderText('请说明哪些问题仍未解决'), { target: { value: '清单仍未公示' } });
    fireEvent.click(screen.getByRole('button', { name: '提交退回' }));
    expect(await screen.findByText('企业退回重办')).toBeInTheDocument();
    expect(screen.getByText('2027年1月5日 17:59')).toBeInTheDocument();
    expect(taroMock.requests.find((r) => r.method === 'POST')?.data).toEqual({ reason: '清单仍未公示' });
  });

  it('confirming closes the ticket after the user agrees in the dialog', async () => {
    backend(
      me,
      on('GET', '/api/v1/tickets/31', () => ({ statusCode: 200, data: rectified })),
      on('POST', '/api/v1/tickets/31/confirm', () => ({ statusCode: 200, data: { ...rectified, status: 'closed', closedAt: '2026-11-29T02:00:00.000Z' } })),
    );
    render(<TicketDetailScreen id={31} />);
    fireEvent.click(await screen.findByRole('button', { name: '确认办结' }));
    await waitFor(() => expect(screen.getByText('已办结')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: '确认办结' })).not.toBeInTheDocument();
  });

  it('a ticket under appeal says it is paused instead of showing a deadline, in the list and the detail', async () => {
    const appealing = ticket({ status: 'appealing', callbackDueAt: '2026-11-20T16:00:00.000Z', deadlineAt: '2026-12-10T16:00:00.000Z' });
    backend(
      me,
      on('GET', '/api/v1/me/tickets', () => ({ statusCode: 200, data: { items: [appealing], total: 1 } })),
      on('GET', '/api/v1/tickets/31', () => ({ statusCode: 200, data: appealing })),
    );
    const list = render(<MyTicketsScreen />);
    expect(await screen.findByText('申诉复核中，整改期限暂停')).toBeInTheDocument();
    expect(screen.queryByText(/整改期限 /)).not.toBeInTheDocument();
    list.unmount();

    render(<TicketDetailScreen id={31} />);
    expect(await screen.findByText('申诉复核中，整改期限暂停')).toBeInTheDocument();
    expect(screen.getByText('申诉复核中，暂停办理')).toBeInTheDocument();
    expect(screen.queryByText(/12月10日|前与您联系/)).not.toBeInTheDocument();
  });
});
