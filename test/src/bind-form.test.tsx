import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { BindForm } from '@/features/enterprise/bind-form';
import { sessionStore } from '@/features/auth/session-store';
import { taroMock } from './taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from './helpers';

beforeEach(() => {
  freshApp();
  signedIn();
});

const usccInput = () => screen.getByPlaceholderText(/18位/);
const nameInput = () => screen.getByPlaceholderText(/与营业执照上的名称一致/);
const submitButton = () => screen.getByRole('button', { name: '绑定企业' });

function type(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

describe('bind form', () => {
  it('shows the Chinese reason under the field for a wrong check character and keeps submit disabled', () => {
    render(<BindForm onBound={jest.fn()} />);
    type(usccInput(), '91440300708461136A');
    type(nameInput(), '平安银行股份有限公司');

    expect(screen.getByTestId('uscc-error')).toHaveTextContent('校验位不符：按前17位应为“T”');
    // NutUI's UMD build (used in jsdom) shows disabled as a class and ignores taps; its
    // mini-program build also sets the native disabled attribute.
    expect(submitButton()).toHaveClass('nut-button-disabled');
    fireEvent.click(submitButton());
    expect(taroMock.requests).toHaveLength(0);
  });

  it('names a forbidden character and its position', () => {
    render(<BindForm onBound={jest.fn()} />);
    type(usccInput(), '9144030070846113OT');
    expect(screen.getByTestId('uscc-error')).toHaveTextContent('第17位“O”不是统一社会信用代码允许的字符');
  });

  it('submits the normalised code and the trimmed name, with an idempotency key', async () => {
    backend(on('POST', '/api/v1/me/enterprise', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })));
    const onBound = jest.fn();
    render(<BindForm onBound={onBound} />);
    type(usccInput(), ' 9144 0300 7084 6113 6t ');
    type(nameInput(), '  平安银行股份有限公司 ');
    expect(screen.queryByTestId('uscc-error')).not.toBeInTheDocument();
    expect(submitButton()).not.toHaveClass('nut-button-disabled');

    fireEvent.click(submitButton());

    await waitFor(() => expect(onBound).toHaveBeenCalled());
    const sent = taroMock.requests[0];
    expect(sent.data).toEqual({ uscc: '91440300708461136T', name: '平安银行股份有限公司' });
    expect(sent.header['Idempotency-Key']).toBeTruthy();
    expect(sessionStore.get().enterprise?.name).toBe('平安银行股份有限公司');
  });

  it("shows the server's name mismatch under 企业名称, and resubmitting the same data reuses the key", async () => {
    backend(
      on('POST', '/api/v1/me/enterprise', () => ({
        statusCode: 400,
        data: { error: { code: 'ENTERPRISE_NAME_MISMATCH', message: '企业名称与登记信息不一致', field: 'name' } },
      })),
    );
    render(<BindForm onBound={jest.fn()} />);
    type(usccInput(), '91440300708461136T');
    type(nameInput(), '平安银行');
    fireEvent.click(submitButton());

    expect(await screen.findByTestId('name-error')).toHaveTextContent('企业名称与登记信息不一致');
    expect(screen.queryByTestId('uscc-error')).not.toBeInTheDocument();
    expect(taroMock.toasts).toEqual([]);

    await waitFor(() => expect(submitButton()).not.toHaveClass('nut-button-disabled'));
    fireEvent.click(submitButton());
    await waitFor(() => expect(taroMock.requests).toHaveLength(2));
    expect(taroMock.requests[1].header['Idempotency-Key']).toBe(taroMock.requests[0].header['Idempotency-Key']);

    type(nameInput(), '平安银行股份有限公司');
    expect(screen.queryByTestId('name-error')).not.toBeInTheDocument();
  });

  it('puts an unknown enterprise under the code field', async () => {
    backend(
      on('POST', '/api/v1/me/enterprise', () => ({
        statusCode: 404,
        data: { error: { code: 'ENTERPRISE_NOT_FOUND', message: '未在本区企业名录中找到该统一社会信用代码' } },
      })),
    );
    render(<BindForm onBound={jest.fn()} />);
    type(usccInput(), '914403001922038216');
    type(nameInput(), '某某公司');
    fireEvent.click(submitButton());
    expect(await screen.findByTestId('uscc-error')).toHaveTextContent('未在本区企业名录中找到');
  });
});
