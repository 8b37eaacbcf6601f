import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DeliveryDetail } from '@/features/delivery/detail-screen';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { EVENTS, SLOTS, delivery } from './fixtures';

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

beforeEach(() => {
  freshApp();
  signedIn();
});

const cancelButton = () => screen.queryByRole('button', { name: '取消预约' });

describe('递送 detail (enterprise)', () => {
  it('offers no cancel once dispatched, and says why', async () => {
    backend(
      on('GET', '/api/v1/deliveries/42', () => ({
        statusCode: 200,
        data: delivery({ status: 'dispatched', statusLabel: '配送中', cancellable: false, trackingNo: 'SF1234567890', events: [EVENTS.submitted, EVENTS.accepted, EVENTS.dispatched] }),
      })),
    );
    render(<DeliveryDetail id={42} />);
    expect(await screen.findByText('SF1234567890')).toBeInTheDocument();
    expect(cancelButton()).not.toBeInTheDocument();
    expect(screen.getByText(/证照已在配送途中，不能取消/)).toBeInTheDocument();
  });

  it('cancels before dispatch with a reason, and then shows 已取消 with no cancel button', async () => {
    const cancelled = delivery({
      status: 'cancelled',
      statusLabel: '已取消',
      cancellable: false,
      cancelReason: '改为到窗口自取',
      events: [EVENTS.submitted, { kind: 'cancelled', status: 'cancelled', label: '已取消', at: '2026-09-26T01:00:00.000Z', by: '茗溪茶业有限公司', note: '改为到窗口自取' }],
    });
    backend(
      on('GET', '/api/v1/deliveries/42', () => ({ statusCode: 200, data: delivery() })),
      on('POST', '/api/v1/deliveries/42/cancel', () => ({ statusCode: 200, data: cancelled })),
    );
    render(<DeliveryDetail id={42} />);
    // The owner sees their own full contact data.
    expect(await screen.findByText('13812345678')).toBeInTheDocument();
    expect(screen.getByText('福建省福州市茗溪区 茗溪路88号')).toBeInTheDocument();

    fireEvent.click(cancelButton()!);
    fireEvent.click(screen.getByRole('button', { name: '确认取消' }));
    expect(screen.getByTestId('cancel-error')).toHaveTextContent('取消原因：请填写取消原因');
    expect(taroMock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByRole('radio', { name: '改为到窗口自取' }));
    fireEvent.click(screen.getByRole('button', { name: '确认取消' }));

    await waitFor(() => expect(screen.getAllByText('已取消').length).toBeGreaterThan(0));
    const post = taroMock.requests.find((r) => r.method === 'POST')!;
    expect(post.data).toEqual({ reason: '改为到窗口自取' });
    expect(cancelButton()).not.toBeInTheDocument();
    expect(screen.getByText('取消原因')).toBeInTheDocument();
  });

  it('does not cancel when the owner backs out of the confirmation', async () => {
    taroMock.modalAnswer = false;
    backend(on('GET', '/api/v1/deliveries/42', () => ({ statusCode: 200, data: delivery() })));
    render(<DeliveryDetail id={42} />);
    fireEvent.click(await screen.findByRole('button', { name: '取消预约' }));
    fireEvent.change(screen.getByPlaceholderText('请填写取消原因'), { target: { value: '不需要了' } });
    fireEvent.click(screen.getByRole('button', { name: '确认取消' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(taroMock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('after a failed attempt offers a new slot and sends it', async () => {
    const failed = delivery({ status: 'failed', statusLabel: '递送失败', cancellable: false, reschedulable: true, failureReason: '收件人不在' });
    backend(
      on('GET', '/api/v1/deliveries/42', () => ({ statusCode: 200, data: failed })),
      on('GET', '/api/v1/delivery/slots', () => ({ statusCode: 200, data: SLOTS })),
      on('POST', '/api/v1/deliveries/42/reschedule', () => ({ statusCode: 200, data: delivery({ date: '2026-09-29', period: '上午' }) })),
    );
    render(<DeliveryDetail id={42} />);
    expect(await screen.findByText('收件人不在')).toBeInTheDocument();
    expect(cancelButton()).not.toBeInTheDocument();
    fireEvent.click(await screen.findByRole('radio', { name: '9月29日 周二' }));
    fireEvent.click(screen.getByRole('radio', { name: '上午 余5' }));
    fireEvent.click(screen.getByRole('button', { name: '确认改约' }));
    await waitFor(() => expect(taroMock.requests.some((r) => r.url.endsWith('/reschedule'))).toBe(true));
    expect(taroMock.requests.find((r) => r.url.endsWith('/reschedule'))!.data).toEqual({ date: '2026-09-29', period: '上午' });
    await waitFor(() => expect(screen.queryByRole('button', { name: '确认改约' })).not.toBeInTheDocument());
  });

  it('offers 去评价 for a delivered booking not yet rated, opening the survey for this delivery', async () => {
    backend(
      on('GET', '/api/v1/deliveries/42', () => ({
        statusCode: 200,
        data: delivery({
          status: 'delivered',
          statusLabel: '已送达',
          cancellable: false,
          ratable: true,
          handover: { receiverName: '张三', at: '2026-09-28T08:30:00.000Z', signature: 'data:image/png;base64,iVBORw0KGgo=', by: '区政务服务中心' },
          events: [EVENTS.submitted, EVENTS.accepted, EVENTS.dispatched, EVENTS.delivered],
        }),
      })),
    );
    render(<DeliveryDetail id={42} />);
    fireEvent.click(await screen.findByRole('button', { name: '去评价' }));
    expect(taroMock.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/survey/index?deliveryId=42' }]);
    expect(screen.getByText('9月28日 16:30')).toBeInTheDocument();
  });
});
