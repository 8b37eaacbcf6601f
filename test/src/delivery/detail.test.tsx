import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DeliveryDetail } from '@/features/delivery/detail-screen';
import { SurveyScreen } from '@/features/survey/survey-screen';
import { taroMock } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { EVENTS, SLOTS, delivery } from './fixtures';

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

beforeEach(() => {
  freshApp();
  signedIn();
});

const cancelButton = () => screen.queryByRole('button', { name: '取消预约' });

const DELIVERED = delivery({
  status: 'delivered',
  statusLabel: '已送达',
  cancellable: false,
  ratable: true,
  handover: { receiverName: '张三', at: '2026-09-28T08:30:00.000Z', signature: 'data:image/png;base64,iVBORw0KGgo=', by: '区政务服务中心' },
  events: [EVENTS.submitted, EVENTS.accepted, EVENTS.dispatched, EVENTS.delivered],
});

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

  it('offers 去评价 for a delivered booking not yet rated; the survey names the booking by its day and items, not its id', async () => {
    backend(
      on('GET', '/api/v1/deliveries/42', () => ({ statusCode: 200, data: DELIVERED })),
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })),
    );
    render(<DeliveryDetail id={42} />);
    fireEvent.click(await screen.findByRole('button', { name: '去评价' }));
    expect(screen.getByText('9月28日 16:30')).toBeInTheDocument();
    const [{ kind, url }] = taroMock.navigations;
    expect(kind).toBe('navigateTo');
    const [path, query] = url.split('?');
    expect(path).toBe('/pages/survey/index');
    const params = Object.fromEntries(new URLSearchParams(query));
    expect(params.deliveryId).toBe('42');

    // The survey page opened with that link (the query arrives still encoded, as Taro passes it).
    const survey = render(<SurveyScreen params={Object.fromEntries(query.split('&').map((kv) => kv.split('=') as [string, string]))} />);
    expect(await within(survey.container).findByText('证照递送服务 · 9月28日 营业执照正本')).toBeInTheDocument();
    expect(within(survey.container).queryByText(/单号/)).not.toBeInTheDocument();
  });

  it('after rating, the page under the survey drops 去评价 and says 已评价', async () => {
    let rated = false;
    backend(
      on('GET', '/api/v1/deliveries/42', () => ({
        statusCode: 200,
        data: rated ? { ...DELIVERED, ratable: false, ratedAt: '2026-11-27T01:30:00.000Z' } : DELIVERED,
      })),
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })),
      on('POST', '/api/v1/ratings', () => {
        rated = true;
        return { statusCode: 201, data: { id: 9, ticketId: null } };
      }),
    );
    const detail = render(<DeliveryDetail id={42} />);
    await within(detail.container).findByRole('button', { name: '去评价' });

    // navigateTo keeps the detail page alive underneath the survey.
    const survey = render(<SurveyScreen params={{ deliveryId: '42' }} />);
    // A link without a title (an old notification) names the service, never the internal id.
    expect(within(survey.container).getByText('证照递送服务')).toBeInTheDocument();
    for (const dimension of ['整体满意度', '服务效率', '服务水平', '服务态度']) {
      fireEvent.click(within(survey.container).getByRole('radio', { name: `${dimension} 满意` }));
    }
    fireEvent.click(within(survey.container).getByRole('button', { name: '提交评价' }));
    expect(await within(survey.container).findByText('已提交')).toBeInTheDocument();

    await waitFor(() => expect(within(detail.container).getByTestId('delivery-rated')).toHaveTextContent('已评价 · 感谢您的反馈'));
    expect(within(detail.container).queryByRole('button', { name: '去评价' })).not.toBeInTheDocument();
    expect(within(detail.container).getByTestId('delivery-rated')).toHaveTextContent('评价于 11月27日 09:30');
  });

  it('a booking rated earlier says so instead of offering nothing', async () => {
    backend(on('GET', '/api/v1/deliveries/1', () => ({ statusCode: 200, data: { ...DELIVERED, id: 1, ratable: false, ratedAt: '2026-09-29T02:00:00.000Z' } })));
    render(<DeliveryDetail id={1} />);
    expect(await screen.findByText('已评价 · 感谢您的反馈')).toBeInTheDocument();
    expect(screen.getByText('评价于 9月29日 10:00')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '去评价' })).not.toBeInTheDocument();
  });
});

describe('递送 detail: 自取', () => {
  const pickup = delivery({ mode: '自取', address: null, addressMasked: null });

  it('does not offer 改为到窗口自取 as a reason to cancel a booking that is already 自取', async () => {
    backend(on('GET', '/api/v1/deliveries/42', () => ({ statusCode: 200, data: pickup })));
    render(<DeliveryDetail id={42} />);
    fireEvent.click(await screen.findByRole('button', { name: '取消预约' }));
    expect(screen.getByRole('radio', { name: '计划有变，暂不需要' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: '改为到窗口自取' })).not.toBeInTheDocument();
  });

  it('asks to confirm with buttons that say what they do: 再想想 keeps the booking, 取消预约 cancels it', async () => {
    const modal = jest.spyOn(Taro, 'showModal');
    backend(
      on('GET', '/api/v1/deliveries/42', () => ({ statusCode: 200, data: pickup })),
      on('POST', '/api/v1/deliveries/42/cancel', () => ({ statusCode: 200, data: { ...pickup, status: 'cancelled', statusLabel: '已取消', cancellable: false } })),
    );
    render(<DeliveryDetail id={42} />);
    fireEvent.click(await screen.findByRole('button', { name: '取消预约' }));
    fireEvent.click(screen.getByRole('radio', { name: '计划有变，暂不需要' }));
    fireEvent.click(screen.getByRole('button', { name: '确认取消' }));
    await waitFor(() => expect(modal).toHaveBeenCalled());
    const options = modal.mock.calls[0][0] as Taro.showModal.Option;
    expect(options).toMatchObject({ title: '取消预约', confirmText: '取消预约', cancelText: '再想想' });
    // WeChat refuses a modal whose button text is longer than four characters.
    expect(Array.from(options.confirmText ?? '').length).toBeLessThanOrEqual(4);
    expect(Array.from(options.cancelText ?? '').length).toBeLessThanOrEqual(4);
    await waitFor(() => expect(taroMock.requests.some((r) => r.url.endsWith('/cancel'))).toBe(true));
    modal.mockRestore();
  });
});
