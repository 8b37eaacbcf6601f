import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReminderLetterPrint } from '@contract/satisfaction';
import { ReminderLetterScreen } from '@/features/rectification/reminder-letter-screen';
import { RemindersScreen } from '@/features/rectification/reminders-screen';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { ADMIN_USER, MARKET, STAFF_USER, meRoute, pathOf } from './fixtures';

beforeEach(freshApp);

const LETTER: ReminderLetterPrint = {
  letter: {
    id: 12,
    number: '营商提醒〔2026〕12号',
    department: MARKET,
    period: '2026-10-09',
    items: [{ kind: 'ticket', id: 41, title: '新能源电池产业园', dueAt: '2026-10-08T15:59:59.999Z', overdueWorkingDays: 1 }],
    createdAt: '2026-10-09T01:00:00.000Z',
  },
  title: '工作提醒函',
  salutation: '区市场监管局：',
  paragraphs: ['经查，截至2026年10月9日，贵单位有差评整改工单 1 件已超过办理时限，具体如下：', '特此提醒。'],
  issuer: '区优化营商环境工作领导小组办公室',
  dateText: '2026年10月9日',
};

describe('工作提醒函', () => {
  it('lays out the letter the API wrote and prints it in the browser', async () => {
    signedIn(STAFF_USER);
    const print = jest.fn();
    window.print = print;
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/admin/reminders/12', () => ({ statusCode: 200, data: LETTER })));
    render(<ReminderLetterScreen id={12} />);
    const letter = await screen.findByTestId('letter');
    expect(within(letter).getByText('营商提醒〔2026〕12号')).toBeInTheDocument();
    expect(within(letter).getByText('区市场监管局：')).toBeInTheDocument();
    expect(within(letter).getByText('特此提醒。')).toBeInTheDocument();
    expect(within(letter).getByText('2026年10月9日')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('lists letters with their counts; the office can run today’s check', async () => {
    signedIn(ADMIN_USER);
    let runs = 0;
    backend(
      meRoute(ADMIN_USER),
      on('GET', '/api/v1/admin/reminders', () => ({
        statusCode: 200,
        data: {
          items: [{ id: 12, number: '营商提醒〔2026〕12号', department: MARKET, period: '2026-10-09', ticketCount: 2, messageCount: 1, createdAt: '2026-10-09T01:00:00.000Z' }],
          total: 1,
        },
      })),
      on('POST', '/api/v1/admin/reminders/run', () => {
        runs += 1;
        return { statusCode: 200, data: { period: '2026-10-09', created: 0, skipped: 1, letterIds: [] } };
      }),
    );
    render(<RemindersScreen />);
    const card = await screen.findByRole('link', { name: '营商提醒〔2026〕12号' });
    expect(within(card).getByText('逾期工单 2 件，逾期留言 1 条')).toBeInTheDocument();
    fireEvent.click(card);
    expect(taroMock.navigations[0]).toEqual({ kind: 'navigateTo', url: '/staff/pages/reminders/letter?id=12' });

    fireEvent.click(screen.getByRole('button', { name: '立即检查逾期并生成今日提醒函' }));
    expect(await screen.findByText('营商提醒〔2026〕12号')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(1);
    expect(taroMock.toasts).toContain('今日无新提醒函');
    expect(taroMock.requests.filter((r) => pathOf(r) === '/api/v1/admin/reminders').length).toBe(2);
  });
});
