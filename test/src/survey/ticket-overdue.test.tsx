import { render, screen, within } from '@testing-library/react';
import type { Ticket } from '@contract/satisfaction';
import { MyTicketsScreen } from '@/features/tickets/my-tickets-screen';
import { TicketDetailScreen } from '@/features/tickets/ticket-detail-screen';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { ticket as staffTicket } from '../rectification/fixtures';

// 2026-11-27 10:00 in China.
fixNow('2026-11-27T02:00:00.000Z');

beforeEach(() => {
  freshApp();
  signedIn();
});

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } }));
/** The department has not called back by the end of 11-25; the rectification runs to the end of 12-10. */
const lateCallback: Ticket = staffTicket({ id: 31, status: 'open', overdue: true, callbackDueAt: '2026-11-25T16:00:00.000Z', deadlineAt: '2026-12-10T16:00:00.000Z' });

describe('我的工单：超期提示', () => {
  it('a late callback is shown next to the callback, not next to the rectification deadline', async () => {
    backend(me, on('GET', '/api/v1/tickets/31', () => ({ statusCode: 200, data: lateCallback })));
    render(<TicketDetailScreen id={31} />);
    const callbackRow = (await screen.findByText('回访')).closest('.yst-row') as HTMLElement;
    expect(within(callbackRow).getByText('回访超时')).toBeInTheDocument();
    const deadlineRow = screen.getByText('整改期限').closest('.yst-row') as HTMLElement;
    expect(within(deadlineRow).queryByText(/超期|超时/)).not.toBeInTheDocument();
  });

  it('a passed rectification deadline is 已超期 next to that deadline', async () => {
    const late = { ...lateCallback, status: 'called_back' as const, callback: { at: '2026-11-24T02:00:00.000Z', outcome: '已联系' }, deadlineAt: '2026-11-20T16:00:00.000Z' };
    backend(me, on('GET', '/api/v1/tickets/31', () => ({ statusCode: 200, data: late })));
    render(<TicketDetailScreen id={31} />);
    const deadlineRow = (await screen.findByText('整改期限')).closest('.yst-row') as HTMLElement;
    expect(within(deadlineRow).getByText('已超期')).toBeInTheDocument();
    expect(screen.queryByText('回访超时')).not.toBeInTheDocument();
  });

  it('a reopened ticket waiting past its new callback time says so next to the earlier callback', async () => {
    const reopened = { ...lateCallback, status: 'reopened' as const, reopenCount: 1, callback: { at: '2026-11-10T07:00:00.000Z', outcome: '已联系企业财务' } };
    backend(me, on('GET', '/api/v1/tickets/31', () => ({ statusCode: 200, data: reopened })));
    render(<TicketDetailScreen id={31} />);
    const callbackRow = (await screen.findByText('回访')).closest('.yst-row') as HTMLElement;
    expect(callbackRow).toHaveTextContent('11月10日 15:00：已联系企业财务');
    expect(within(callbackRow).getByText('回访超时')).toBeInTheDocument();
  });

  it('the list marks the late callback as 回访超时', async () => {
    backend(me, on('GET', '/api/v1/me/tickets', () => ({ statusCode: 200, data: { items: [lateCallback], total: 1 } })));
    render(<MyTicketsScreen />);
    expect(await screen.findByText('回访超时')).toBeInTheDocument();
    expect(screen.queryByText('已超期')).not.toBeInTheDocument();
  });
});
