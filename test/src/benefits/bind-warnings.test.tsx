import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BenefitsAdminScreen } from '@/features/benefits/staff/benefits-admin-screen';
import type { MockRequest } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { benefit } from '../policies/fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('../policies/taro-extra'));

const STAFF_USER = { id: 20, role: 'staff' as const, displayName: '王科员', department: { id: 2, name: '区人社局' }, phoneMasked: null };
const POLICY = { id: 7, title: '成立满一年企业补贴', department: { id: 2, name: '区人社局' }, basisDoc: '茗人社〔2026〕22号', status: 'published' };
const USCC = '914403001922038216';

function serve(warnings: string[]) {
  const posted: MockRequest[] = [];
  backend(
    on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: STAFF_USER, enterprise: null } })),
    on('GET', '/api/v1/admin/policies', () => ({ statusCode: 200, data: { items: [POLICY], total: 1 } })),
    on('GET', '/api/v1/admin/benefits', () => ({ statusCode: 200, data: { items: [], total: 0 } })),
    on('POST', '/api/v1/admin/benefits', (request) => {
      posted.push(request);
      const created = benefit({ status: 'matched' });
      return { statusCode: 201, data: { ...created, enterprise: { ...created.enterprise, name: '茗溪云峰茶业有限公司' }, warnings } };
    }),
  );
  return posted;
}

async function bindOne() {
  render(<BenefitsAdminScreen />);
  fireEvent.click(await screen.findByText(POLICY.title));
  const form = await screen.findByTestId('bind-benefit');
  fireEvent.change(within(form).getByPlaceholderText('统一社会信用代码（18位）'), { target: { value: USCC } });
  fireEvent.click(within(form).getByRole('button', { name: '绑定' }));
  return form;
}

beforeEach(() => {
  freshApp();
  signedIn(STAFF_USER);
});

describe('兑现管理：绑定一家企业', () => {
  it('shows the conditions the registry profile does not meet, after binding all the same', async () => {
    const posted = serve(['不符合“成立年限需满1年”（成立于2026-03-01）']);
    const form = await bindOne();
    expect(await within(form).findByTestId('bind-warning')).toHaveTextContent(
      '已绑定茗溪云峰茶业有限公司，但企业档案显示：不符合“成立年限需满1年”（成立于2026-03-01）。请核实后再公示。',
    );
    expect(posted).toHaveLength(1);
  });

  it('shows no warning when every condition is met', async () => {
    const posted = serve([]);
    const form = await bindOne();
    // The form clears once the record is created.
    await waitFor(() => expect(within(form).getByPlaceholderText('统一社会信用代码（18位）')).toHaveValue(''));
    expect(posted).toHaveLength(1);
    expect(within(form).queryByTestId('bind-warning')).toBeNull();
  });
});
