import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StaffActions } from '@/features/delivery/staff-actions';
import type { Delivery } from '@/features/delivery/api';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { EVENTS, delivery } from './fixtures';

const STAFF = { id: 2, role: 'staff' as const, displayName: '区政务服务中心测试员', department: { id: 1, name: '区政务服务中心' }, phoneMasked: null };
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

beforeEach(() => {
  freshApp();
  signedIn(STAFF);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PNG);
});
afterEach(() => jest.restoreAllMocks());

const posts = () => taroMock.requests.filter((r) => r.method === 'POST');

function draw() {
  const canvas = screen.getByTestId('signature-canvas');
  fireEvent.pointerDown(canvas, { clientX: 10, clientY: 10 });
  fireEvent.pointerMove(canvas, { clientX: 60, clientY: 40 });
  fireEvent.pointerUp(canvas, { clientX: 60, clientY: 40 });
}

describe('递送处理 (staff desk)', () => {
  it('takes a tracking number typed in groups and lower case, and sends it as the courier prints it', async () => {
    const accepted = delivery({ status: 'accepted', statusLabel: '已受理', events: [EVENTS.submitted, EVENTS.accepted] });
    backend(on('POST', '/api/v1/admin/deliveries/42/dispatch', (r) => ({ statusCode: 200, data: { ...accepted, status: 'dispatched', trackingNo: (r.data as { trackingNo: string }).trackingNo } })));
    const changed = jest.fn<void, [Delivery]>();
    render(<StaffActions delivery={accepted} onChanged={changed} />);
    fireEvent.change(screen.getByPlaceholderText('快递单号'), { target: { value: ' sf 1234 5678 901 ' } });
    fireEvent.click(screen.getByRole('button', { name: '派送' }));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(posts()[0].data).toEqual({ trackingNo: 'SF12345678901' });
    expect(screen.queryByTestId('tracking-error')).not.toBeInTheDocument();
  });

  it('still refuses a tracking number with other characters, and the complaint goes once it is corrected', async () => {
    const accepted = delivery({ status: 'accepted', statusLabel: '已受理', events: [EVENTS.submitted, EVENTS.accepted] });
    render(<StaffActions delivery={accepted} onChanged={jest.fn()} />);
    fireEvent.change(screen.getByPlaceholderText('快递单号'), { target: { value: 'SF#123' } });
    fireEvent.click(screen.getByRole('button', { name: '派送' }));
    expect(screen.getByTestId('tracking-error')).toHaveTextContent('快递单号：请填写字母、数字或短横线组成的单号');
    expect(posts()).toHaveLength(0);
    fireEvent.change(screen.getByPlaceholderText('快递单号'), { target: { value: 'SF123' } });
    expect(screen.queryByTestId('tracking-error')).not.toBeInTheDocument();
  });

  it('labels the receiver field, and after 确认签名 drops the error and shows 已签名 with 重签', async () => {
    const dispatched = delivery({ status: 'dispatched', statusLabel: '配送中', trackingNo: 'SF1', events: [EVENTS.submitted, EVENTS.accepted, EVENTS.dispatched] });
    backend(on('POST', '/api/v1/admin/deliveries/42/deliver', () => ({ statusCode: 200, data: { ...dispatched, status: 'delivered' } })));
    render(<StaffActions delivery={dispatched} onChanged={jest.fn()} />);
    // The prefilled name hides the placeholder: the field is still named.
    expect(screen.getByLabelText('签收人姓名')).toHaveValue('张三');
    expect(screen.getByText('签收人姓名', { selector: '.yst-field__hint' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '确认送达' }));
    expect(screen.getByTestId('signature-error')).toHaveTextContent('签收凭证：请签收人在框内签名，或拍照留存');
    expect(posts()).toHaveLength(0);

    draw();
    fireEvent.click(screen.getByRole('button', { name: '确认签名' }));
    expect(screen.queryByTestId('signature-error')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('已签名');
    expect(screen.queryByTestId('signature-canvas')).not.toBeInTheDocument();

    // 重签 brings the pad back, empty.
    fireEvent.click(screen.getByRole('button', { name: '重签' }));
    expect(screen.getByTestId('signature-canvas')).toHaveAttribute('data-has-ink', 'false');
    expect(screen.queryByText('已签名')).not.toBeInTheDocument();

    draw();
    fireEvent.click(screen.getByRole('button', { name: '确认签名' }));
    fireEvent.click(screen.getByRole('button', { name: '确认送达' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0].data).toEqual({ receiverName: '张三', signature: PNG });
  });

  it('a drawn signature also counts without 确认签名, as before', async () => {
    const dispatched = delivery({ status: 'dispatched', statusLabel: '配送中', trackingNo: 'SF1', events: [EVENTS.submitted, EVENTS.accepted, EVENTS.dispatched] });
    backend(on('POST', '/api/v1/admin/deliveries/42/deliver', () => ({ statusCode: 200, data: { ...dispatched, status: 'delivered' } })));
    render(<StaffActions delivery={dispatched} onChanged={jest.fn()} />);
    draw();
    fireEvent.click(screen.getByRole('button', { name: '确认送达' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0].data).toEqual({ receiverName: '张三', signature: PNG });
  });
});
