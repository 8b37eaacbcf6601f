import { render, screen } from '@testing-library/react';
import { DeliveryCard } from '@/features/delivery/delivery-card';
import { fixNow } from '../lib/fixed-now';
import { delivery } from './fixtures';

fixNow('2026-09-27T02:00:00.000Z');

describe('递送 card in 我的递送', () => {
  it('invites a rating in the words of the booking’s mode: 已领取 for 自取', () => {
    render(<DeliveryCard delivery={delivery({ mode: '自取', status: 'delivered', statusLabel: '已领取', ratable: true })} onOpen={jest.fn()} />);
    expect(screen.getByText('已领取，去评价 ›')).toBeInTheDocument();
    expect(screen.queryByText(/已送达/)).not.toBeInTheDocument();
  });

  it('says 已评价 once rated, and no longer invites a rating', () => {
    render(<DeliveryCard delivery={delivery({ status: 'delivered', statusLabel: '已送达', ratable: false, ratedAt: '2026-09-28T10:00:00.000Z' })} onOpen={jest.fn()} />);
    expect(screen.getByText('已评价 · 感谢您的反馈')).toBeInTheDocument();
    expect(screen.queryByText(/去评价/)).not.toBeInTheDocument();
  });
});
