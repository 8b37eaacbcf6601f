import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TicketDetailScreen } from '@/features/rectification/ticket-detail-screen';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { STAFF_USER, meRoute, ticket } from './fixtures';

beforeEach(freshApp);

fixNow('2026-11-27T12:00:00.000Z'); // 11-27 20:00 in China

const REFUSAL = '回访时间不能早于工单生成时间（2026-11-27 19:59）';

describe('记录回访：服务器拒绝的回访时间', () => {
  it('shows the server’s refusal under the 回访时间 field, keeps the form, and clears it once the time changes', async () => {
    signedIn(STAFF_USER);
    const open = ticket({ createdAt: '2026-11-27T11:59:30.000Z' });
    let sent: { at: string } | null = null;
    backend(
      meRoute(STAFF_USER),
      on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: open })),
      on('POST', '/api/v1/tickets/101/callback', (r) => {
        sent = r.data as { at: string };
        return { statusCode: 400, data: { error: { code: 'VALIDATION', message: REFUSAL, field: 'at' } } };
      }),
    );
    render(<TicketDetailScreen id={101} />);
    const form = await screen.findByTestId('callback-form');
    const time = within(form).getByPlaceholderText('如 2026-10-09 14:30');
    fireEvent.change(time, { target: { value: '2026-11-01 10:00' } });
    fireEvent.change(within(form).getByPlaceholderText('与企业沟通的情况、企业诉求'), { target: { value: '已电话联系企业' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存回访记录' }));

    const refusal = await within(form).findByText(REFUSAL);
    expect(sent).toEqual({ at: '2026-11-01T02:00:00.000Z', outcome: '已电话联系企业' });
    // Under the time it is about, once (not repeated under the whole form).
    expect(refusal.closest('.yst-form__field')).toContainElement(time);
    expect(within(form).getAllByText(REFUSAL)).toHaveLength(1);
    expect(screen.queryByTestId('rectify-form')).not.toBeInTheDocument();

    fireEvent.change(time, { target: { value: '2026-11-27 19:59' } });
    await waitFor(() => expect(within(form).queryByText(REFUSAL)).not.toBeInTheDocument());
  });

  it('a refusal about no field stays under the form', async () => {
    signedIn(STAFF_USER);
    backend(
      meRoute(STAFF_USER),
      on('GET', '/api/v1/tickets/101', () => ({ statusCode: 200, data: ticket() })),
      on('POST', '/api/v1/tickets/101/callback', () => ({ statusCode: 409, data: { error: { code: 'TICKET_STATUS', message: '工单当前状态为“申诉复核中”，不能记录回访' } } })),
    );
    render(<TicketDetailScreen id={101} />);
    const form = await screen.findByTestId('callback-form');
    fireEvent.change(within(form).getByPlaceholderText('与企业沟通的情况、企业诉求'), { target: { value: '已联系' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存回访记录' }));
    const message = await within(form).findByText('工单当前状态为“申诉复核中”，不能记录回访');
    expect(message.closest('.yst-form__field')).toBeNull();
    expect(taroMock.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
