import { render, screen } from '@testing-library/react';
import { Timeline } from '@/features/delivery/timeline';
import { fixNow } from '../lib/fixed-now';
import { EVENTS, delivery } from './fixtures';

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

const labels = (testId: string) => screen.queryAllByTestId(testId).map((el) => el.querySelector('.yst-timeline__label')?.textContent);

describe('递送 timeline', () => {
  it('lists every step with its time (China time), who acted and the note, ending at 已送达', () => {
    render(
      <Timeline
        delivery={delivery({ status: 'delivered', events: [EVENTS.submitted, EVENTS.accepted, EVENTS.dispatched, EVENTS.delivered] })}
      />,
    );
    expect(labels('timeline-event')).toEqual(['已提交预约', '已受理', '配送中', '已送达']);
    expect(labels('timeline-ahead')).toEqual([]);
    const [submitted, , dispatched, delivered] = screen.getAllByTestId('timeline-event');
    // The booked slot as the server wrote it, year included: the note is kept for years.
    expect(submitted).toHaveTextContent('2026年9月28日 下午');
    expect(dispatched).toHaveTextContent('9月28日 14:00 · 区政务服务中心');
    expect(dispatched).toHaveTextContent('快递单号 SF1234567890');
    expect(delivered).toHaveTextContent('签收人 张三');
  });

  it('names the year of an entry from another year: 2025年9月28日 14:00', () => {
    const lastYear = { ...EVENTS.dispatched, at: '2025-09-28T06:00:00.000Z' };
    render(<Timeline delivery={delivery({ status: 'dispatched', events: [EVENTS.submitted, EVENTS.accepted, lastYear] })} />);
    const [submitted, , dispatched] = screen.getAllByTestId('timeline-event');
    expect(submitted).toHaveTextContent('9月25日 10:00 · 茗溪茶业有限公司');
    expect(dispatched).toHaveTextContent('2025年9月28日 14:00 · 区政务服务中心');
  });

  it('shows the steps still ahead in grey, without 配送中 for 自取, which ends at 已领取 (nothing is 送达 to the window)', () => {
    const { unmount } = render(<Timeline delivery={delivery({ status: 'accepted', events: [EVENTS.submitted, EVENTS.accepted] })} />);
    expect(labels('timeline-ahead')).toEqual(['配送中', '已送达']);
    unmount();

    render(<Timeline delivery={delivery({ status: 'accepted', mode: '自取', events: [EVENTS.submitted, EVENTS.accepted] })} />);
    expect(labels('timeline-ahead')).toEqual(['已领取']);
  });

  it('has nothing ahead once cancelled', () => {
    const cancelled = { kind: 'cancelled' as const, status: 'cancelled' as const, label: '已取消', at: '2026-09-26T01:00:00.000Z', by: '茗溪茶业有限公司', note: '计划有变' };
    render(<Timeline delivery={delivery({ status: 'cancelled', events: [EVENTS.submitted, cancelled] })} />);
    expect(labels('timeline-event')).toEqual(['已提交预约', '已取消']);
    expect(labels('timeline-ahead')).toEqual([]);
    expect(screen.getByText('计划有变')).toBeInTheDocument();
  });
});
