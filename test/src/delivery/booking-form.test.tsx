import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BookingForm } from '@/features/delivery/booking-form';
import { dayLabel } from '@/lib/china-time';
import { taroMock, type MockRequest } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { DAY_1, DAY_2, SLOTS } from './fixtures';

beforeEach(() => {
  freshApp();
  signedIn();
});

const slotsRoute = () => on('GET', '/api/v1/delivery/slots', () => ({ statusCode: 200, data: SLOTS }));
const posts = () => taroMock.requests.filter((r) => r.method === 'POST');
const slotQueries = () => taroMock.requests.filter((r) => r.url.includes('/delivery/slots'));

function type(placeholder: string | RegExp, value: string) {
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
}
const pick = (role: 'radio' | 'checkbox', name: string | RegExp) => fireEvent.click(screen.getByRole(role, { name }));
const next = () => fireEvent.click(screen.getByRole('button', { name: '下一步：核对信息' }));

/** Everything valid for 自取, which needs no address. */
async function fillPickup(phone = '13812345678') {
  pick('checkbox', '营业执照正本');
  pick('radio', '自取');
  type('收件人姓名', '张三');
  type('11位手机号', phone);
  fireEvent.click(await screen.findByRole('radio', { name: dayLabel(DAY_2) }));
  pick('radio', '上午 余5');
}

describe('证照递送 booking form', () => {
  it('names a bad mobile number under 联系电话 and sends nothing', async () => {
    backend(slotsRoute());
    render(<BookingForm accountMasked={null} onBooked={jest.fn()} />);
    await fillPickup('1381234567');
    next();

    expect(screen.getByTestId('phone-error')).toHaveTextContent('联系电话：请填写11位中国大陆手机号');
    expect(screen.queryByTestId('booking-review')).not.toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    // Spaces and a +86 prefix are how people type it; that is fine.
    type('11位手机号', '+86 138 1234 5678');
    expect(screen.queryByTestId('phone-error')).not.toBeInTheDocument();
    next();
    expect(within(screen.getByTestId('booking-review')).getByText('13812345678')).toBeInTheDocument();
  });

  it('asks for an address for 送达 but not for 自取', async () => {
    backend(slotsRoute());
    render(<BookingForm accountMasked={null} onBooked={jest.fn()} />);
    await fillPickup();
    pick('radio', '送达');
    next();
    expect(screen.getByTestId('region-error')).toHaveTextContent('所在地区：请选择省、市、区');
    expect(screen.queryByTestId('booking-review')).not.toBeInTheDocument();

    pick('radio', '自取');
    expect(screen.queryByPlaceholderText(/街道、门牌号/)).not.toBeInTheDocument();
    next();
    const review = screen.getByTestId('booking-review');
    expect(review).toHaveTextContent('区政务服务中心 证照领取窗口');
    expect(review).toHaveTextContent('营业执照正本 ×1');
  });

  it('shows what is left in each slot and will not pick a full one', async () => {
    backend(slotsRoute());
    render(<BookingForm accountMasked={null} onBooked={jest.fn()} />);
    fireEvent.click(await screen.findByRole('radio', { name: dayLabel(DAY_1) }));

    const full = screen.getByRole('radio', { name: '上午 已约满' });
    expect(full).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(full);
    expect(full).toHaveAttribute('aria-checked', 'false');

    const open = screen.getByRole('radio', { name: '下午 余2' });
    fireEvent.click(open);
    expect(open).toHaveAttribute('aria-checked', 'true');
  });

  it('on SLOT_FULL refreshes the slots and says so; a new pick then books, sending no address for 自取', async () => {
    let attempts = 0;
    const bodies: MockRequest[] = [];
    backend(
      slotsRoute(),
      on('POST', '/api/v1/deliveries', (r) => {
        bodies.push(r);
        attempts += 1;
        return attempts === 1
          ? { statusCode: 409, data: { error: { code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段', field: 'period' } } }
          : { statusCode: 201, data: { id: 77, status: 'submitted' } };
      }),
    );
    const onBooked = jest.fn();
    render(<BookingForm accountMasked={null} onBooked={onBooked} />);
    await fillPickup();
    type(/如 需要开具收据/, '  到楼下电话联系 ');
    next();
    fireEvent.click(screen.getByRole('button', { name: '确认提交' }));

    expect(await screen.findByTestId('slot-error')).toHaveTextContent('该时段已约满，请选择其他时段（余量已刷新）');
    await waitFor(() => expect(slotQueries()).toHaveLength(2));
    expect(screen.getByRole('radio', { name: '上午 余5' })).toHaveAttribute('aria-checked', 'false');
    expect(onBooked).not.toHaveBeenCalled();

    pick('radio', '下午 余5');
    expect(screen.queryByTestId('slot-error')).not.toBeInTheDocument();
    next();
    fireEvent.click(screen.getByRole('button', { name: '确认提交' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledWith(77));

    expect(bodies[1].data).toEqual({
      items: [{ kind: '营业执照正本', quantity: 1 }],
      mode: '自取',
      recipientName: '张三',
      phone: '13812345678',
      address: null,
      date: DAY_2,
      period: '下午',
      remark: '到楼下电话联系',
    });
    // Different data, so a different submission: a new key; each request carried one.
    expect(bodies[0].header['Idempotency-Key']).toBeTruthy();
    expect(bodies[1].header['Idempotency-Key']).not.toBe(bodies[0].header['Idempotency-Key']);
  });

  it("puts the server's field error under the field it names and keeps the key when resubmitted unchanged", async () => {
    backend(
      slotsRoute(),
      on('POST', '/api/v1/deliveries', () => ({
        statusCode: 400,
        data: { error: { code: 'VALIDATION', message: '预约日期：2026年9月29日为国庆节，不办理递送，请选择工作日', field: 'date' } },
      })),
    );
    render(<BookingForm accountMasked={null} onBooked={jest.fn()} />);
    await fillPickup();
    next();
    fireEvent.click(screen.getByRole('button', { name: '确认提交' }));
    expect(await screen.findByTestId('slot-error')).toHaveTextContent('为国庆节，不办理递送');
    expect(screen.queryByTestId('phone-error')).not.toBeInTheDocument();

    next();
    fireEvent.click(screen.getByRole('button', { name: '确认提交' }));
    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(posts()[1].header['Idempotency-Key']).toBe(posts()[0].header['Idempotency-Key']);
  });

  it('uses the WeChat-authorised number without ever holding it', async () => {
    backend(slotsRoute(), on('POST', '/api/v1/deliveries', () => ({ statusCode: 201, data: { id: 5, status: 'submitted' } })));
    const onBooked = jest.fn();
    render(<BookingForm accountMasked="138****5678" onBooked={onBooked} />);
    await fillPickup('');
    fireEvent.click(screen.getByText('使用已授权的 138****5678'));
    next();
    expect(screen.getByTestId('booking-review')).toHaveTextContent('138****5678（微信授权）');
    fireEvent.click(screen.getByRole('button', { name: '确认提交' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledWith(5));
    expect((posts()[0].data as { phone: string }).phone).toBe('account');
  });

  it('requires a description when 其他 is chosen', async () => {
    backend(slotsRoute());
    render(<BookingForm accountMasked={null} onBooked={jest.fn()} />);
    await fillPickup();
    pick('checkbox', '其他');
    next();
    expect(screen.getByTestId('items-error')).toHaveTextContent('证照说明：选择“其他”时请写明是什么证照');
    type(/请写明“其他”是什么证照/, '食品经营许可证副本');
    next();
    expect(screen.getByTestId('booking-review')).toHaveTextContent('其他（食品经营许可证副本） ×1');
  });
});
