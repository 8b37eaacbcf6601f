import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DeliverySlot } from '@contract/delivery';
import { StaffQueueScreen } from '@/features/delivery/staff-queue-screen';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { delivery } from './fixtures';

// Friday 2026-11-27 10:00 in China.
fixNow('2026-11-27T02:00:00.000Z');

const STAFF = { id: 2, role: 'staff' as const, displayName: '区政务服务中心测试员', department: { id: 1, name: '区政务服务中心' }, phoneMasked: null };

/** The server's calendar around 国庆 2026: 10-01..10-07 off, Saturday 10-10 a 调休 working day. */
const HOLIDAYS = new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
const MAKE_UP_DAYS = new Set(['2026-10-10']);
function working(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return MAKE_UP_DAYS.has(date) || (!HOLIDAYS.has(date) && weekday !== 0 && weekday !== 6);
}
function slots(from: string, to: string): DeliverySlot[] {
  const out: DeliverySlot[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    const date = new Date(ms).toISOString().slice(0, 10);
    if (working(date)) out.push({ date, period: '上午', capacity: 5, remaining: 5 }, { date, period: '下午', capacity: 5, remaining: 5 });
  }
  return out;
}

/** One booking a day, for the enterprise named after the day, so the list shows which day is loaded. */
const BOOKED = ['2026-11-27', '2026-11-30', '2026-09-30', '2026-10-08', '2026-10-10'].map((date, i) =>
  delivery({ id: i + 1, date, enterprise: { id: i + 1, name: `${date}预约企业` } }),
);

const query = (url: string) => new URL(url).searchParams;
const queueDates = () => taroMock.requests.filter((r) => r.url.includes('/api/v1/admin/deliveries')).map((r) => query(r.url).get('date'));

function calendarBackend(slotsAnswer: (url: string) => { statusCode: number; data: unknown } | { fail: string } = (url) => ({ statusCode: 200, data: slots(query(url).get('from')!, query(url).get('to')!) })) {
  backend(
    on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: STAFF, enterprise: null } })),
    on('GET', '/api/v1/delivery/slots', (r) => slotsAnswer(r.url)),
    on('GET', '/api/v1/admin/deliveries', (r) => {
      const date = query(r.url).get('date');
      const items = BOOKED.filter((d) => date === null || d.date === date);
      return { statusCode: 200, data: { items, total: items.length } };
    }),
  );
}

beforeEach(() => {
  freshApp();
  signedIn(STAFF);
});

const dayShown = () => screen.getByRole('radio', { name: /月\d+日 周/ });
const next = () => fireEvent.click(screen.getByRole('button', { name: '后一个工作日' }));
const previous = () => fireEvent.click(screen.getByRole('button', { name: '前一个工作日' }));
const pick = (date: string) => fireEvent.change(document.querySelector('.yst-date-filter input[type="date"]')!, { target: { value: date } });

async function showsDay(label: string, date: string) {
  await waitFor(() => expect(dayShown()).toHaveAccessibleName(label));
  expect(dayShown()).toHaveAttribute('aria-checked', 'true');
  expect(await screen.findByText(`${date}预约企业`)).toBeInTheDocument();
  expect(queueDates().at(-1)).toBe(date);
}

describe('递送工作台 day stepper', () => {
  it('steps from Friday over the weekend to Monday, and back', async () => {
    calendarBackend();
    render(<StaffQueueScreen />);
    expect(await screen.findByRole('radio', { name: '11月27日 周五' })).toBeInTheDocument();
    next();
    await showsDay('11月30日 周一', '2026-11-30');
    expect(screen.queryByText(/11月28日|11月29日/)).not.toBeInTheDocument();
    previous();
    await showsDay('11月27日 周五', '2026-11-27');
  });

  it('steps over 国庆 to 10月8日, lands on the 调休 Saturday 10月10日, and back over the holiday to 9月30日', async () => {
    calendarBackend();
    render(<StaffQueueScreen />);
    await screen.findByRole('radio', { name: '11月27日 周五' });
    pick('2026-09-30');
    await showsDay('9月30日 周三', '2026-09-30');
    next();
    await showsDay('10月8日 周四', '2026-10-08');
    next();
    await waitFor(() => expect(dayShown()).toHaveAccessibleName('10月9日 周五'));
    next();
    await showsDay('10月10日 周六', '2026-10-10');
    previous();
    await waitFor(() => expect(dayShown()).toHaveAccessibleName('10月9日 周五'));
    previous();
    await showsDay('10月8日 周四', '2026-10-08');
    previous();
    await showsDay('9月30日 周三', '2026-09-30');
  });

  it('lets the date picker reach any day, a holiday or a Saturday included', async () => {
    calendarBackend();
    render(<StaffQueueScreen />);
    await screen.findByRole('radio', { name: '11月27日 周五' });
    pick('2026-10-03');
    await waitFor(() => expect(dayShown()).toHaveAccessibleName('10月3日 周六'));
    expect(dayShown()).toHaveAttribute('aria-checked', 'true');
    await waitFor(() => expect(queueDates().at(-1)).toBe('2026-10-03'));
    expect(await screen.findByText('没有符合条件的预约')).toBeInTheDocument();
  });

  it('without the calendar (network down) still skips the weekend', async () => {
    calendarBackend(() => ({ fail: 'request:fail timeout' }));
    render(<StaffQueueScreen />);
    await screen.findByRole('radio', { name: '11月27日 周五' });
    next();
    await showsDay('11月30日 周一', '2026-11-30');
  });
});
