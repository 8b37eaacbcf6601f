import { render, screen, within } from '@testing-library/react';
import { LedgerScreen } from '@/features/rectification/ledger-screen';
import { freshApp, backend, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { STAFF_USER, meRoute, ticket } from './fixtures';

beforeEach(freshApp);

// Friday 2026-11-27 19:59 in China, as in the QA pass.
fixNow('2026-11-27T11:59:00.000Z');

/** Deadlines as the server sends them: the end of a China day, i.e. 00:00 of the next one. */
const endOf = (chinaDate: string) => new Date(Date.parse(`${chinaDate}T00:00:00+08:00`) + 86_400_000).toISOString();

async function cards(items: ReturnType<typeof ticket>[]) {
  signedIn(STAFF_USER);
  backend(meRoute(STAFF_USER), on('GET', '/api/v1/admin/tickets', () => ({ statusCode: 200, data: { items, total: items.length } })));
  render(<LedgerScreen />);
  await screen.findByTestId(`ticket-${items[0].id}`);
}

describe('工单卡片的期限', () => {
  it('counts the days left like the policy list: whole days after today, 今日截止 on the last day', async () => {
    await cards([
      ticket({ id: 1, status: 'called_back', deadlineAt: endOf('2026-12-10') }),
      ticket({ id: 2, status: 'called_back', deadlineAt: endOf('2026-11-28') }),
      ticket({ id: 3, status: 'called_back', deadlineAt: endOf('2026-11-27') }),
      // A deadline inside a day (not at its end) still has that day as its last one.
      ticket({ id: 4, status: 'called_back', deadlineAt: '2026-12-01T09:59:59.999Z' }),
    ]);
    expect(within(screen.getByTestId('ticket-1')).getByText('12月10日 前整改（剩 13 天）')).toBeInTheDocument();
    expect(within(screen.getByTestId('ticket-2')).getByText('11月28日 前整改（剩 1 天）')).toBeInTheDocument();
    expect(within(screen.getByTestId('ticket-3')).getByText('11月27日 前整改（今日截止）')).toHaveClass('yst-badge--warning');
    expect(within(screen.getByTestId('ticket-4')).getByText('12月1日 前整改（剩 4 天）')).toBeInTheDocument();
  });

  it('a ticket overdue only for its late callback says 回访超时, not that the rectification deadline passed', async () => {
    await cards([
      ticket({ id: 3, status: 'open', overdue: true, callbackDueAt: endOf('2026-11-26'), deadlineAt: endOf('2026-12-10') }),
      ticket({ id: 5, status: 'reopened', overdue: true, callbackDueAt: endOf('2026-11-25'), deadlineAt: endOf('2026-12-14') }),
    ]);
    const card = screen.getByTestId('ticket-3');
    expect(card).toHaveClass('yst-ticket--overdue');
    expect(within(card).getAllByTestId('badge-danger').map((b) => b.textContent)).toEqual(['回访超时（期限 11月26日 24:00）']);
    expect(within(card).getByText('12月10日 前整改（剩 13 天）')).toBeInTheDocument();
    expect(within(card).queryByText(/已逾期/)).not.toBeInTheDocument();
    expect(within(screen.getByTestId('ticket-5')).getAllByTestId('badge-danger').map((b) => b.textContent)).toEqual(['回访超时（期限 11月25日 24:00）']);
  });

  it('a ticket past both deadlines shows both, and no days left', async () => {
    await cards([ticket({ id: 7, status: 'open', overdue: true, callbackDueAt: endOf('2026-11-02'), deadlineAt: endOf('2026-11-20') })]);
    const card = screen.getByTestId('ticket-7');
    expect(within(card).getAllByTestId('badge-danger').map((b) => b.textContent)).toEqual(['已逾期（期限 11月20日）', '回访超时（期限 11月2日 24:00）']);
    expect(within(card).queryByText(/前整改/)).not.toBeInTheDocument();
  });

  it('a called-back ticket within its deadlines is not red and asks for no callback', async () => {
    await cards([ticket({ id: 8, status: 'called_back', overdue: false, callbackDueAt: endOf('2026-11-02'), deadlineAt: endOf('2026-12-10') })]);
    const card = screen.getByTestId('ticket-8');
    expect(card).not.toHaveClass('yst-ticket--overdue');
    expect(within(card).queryByTestId('badge-danger')).not.toBeInTheDocument();
    expect(within(card).queryByText(/前回访|回访超时/)).not.toBeInTheDocument();
  });

  it('an appealed ticket is paused: no countdown, no callback asked for, however late its deadlines', async () => {
    await cards([
      ticket({ id: 9, status: 'appealing', overdue: false, callbackDueAt: endOf('2026-11-20'), deadlineAt: endOf('2026-12-10') }),
      ticket({ id: 10, status: 'appealing', overdue: false, callbackDueAt: endOf('2026-11-02'), deadlineAt: endOf('2026-11-20') }),
    ]);
    for (const id of ['ticket-9', 'ticket-10']) {
      const card = screen.getByTestId(id);
      expect(within(card).getByText('申诉复核中，整改期限暂停')).toBeInTheDocument();
      expect(within(card).queryByText(/前整改|剩 \d+ 天|今日截止|前回访|回访超时|已逾期/)).not.toBeInTheDocument();
      expect(card).not.toHaveClass('yst-ticket--overdue');
    }
  });
});
