import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PolicyEditScreen } from '@/features/policies/staff/policy-edit-screen';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { policyDetail } from './fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));

const STAFF_USER = { id: 20, role: 'staff' as const, displayName: '王科员', department: { id: 2, name: '区人社局' }, phoneMasked: null };

beforeEach(() => {
  freshApp();
  signedIn(STAFF_USER);
});

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: STAFF_USER, enterprise: null } }));
const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });

describe('政策编辑（部门）', () => {
  it('creates a draft with tags and conditions edited as rules', async () => {
    backend(
      me,
      on('POST', '/api/v1/admin/policies', () => ({ statusCode: 201, data: policyDetail({ id: 31, status: 'draft' }) })),
    );
    render(<PolicyEditScreen />);
    fireEvent.click(await screen.findByRole('button', { name: '保存' }));
    expect(screen.getByText('请填写政策名称')).toBeInTheDocument();
    expect(taroMock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    type('如 小微企业吸纳就业社保补贴', '高新技术企业研发补贴');
    type('用“、”分隔，如 社保、就业、中小微', '研发、高新技术企业');
    type('一两句话说明谁可享受、享受什么', '按研发投入给予补贴');
    type('政策原文或通俗解读', '对认定的高新技术企业……');
    type('年-月-日，如 2024-01-01', '2024-01-01');
    type('年-月-日；留空表示长期有效', '2025-12-31');

    const editor = screen.getByTestId('condition-editor');
    fireEvent.click(within(editor).getByRole('button', { name: '添加条件' }));
    fireEvent.click(within(editor).getByRole('radio', { name: '资质认定' }));
    fireEvent.change(within(editor).getByPlaceholderText('如 高新技术企业、专精特新'), { target: { value: '高新技术企业' } });
    expect(within(editor).getByText('企业将看到：需为高新技术企业')).toBeInTheDocument();

    fireEvent.click(within(editor).getByRole('button', { name: '添加条件' }));
    const second = within(editor).getAllByRole('radiogroup', { name: '条件 2 的字段' })[0];
    fireEvent.click(within(second).getByRole('radio', { name: '企业规模' }));
    fireEvent.click(within(editor).getByRole('checkbox', { name: '小型' }));
    fireEvent.click(within(editor).getByRole('checkbox', { name: '微型' }));
    expect(within(editor).getByText('企业将看到：需为小微企业')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(taroMock.requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    const post = taroMock.requests.find((r) => r.method === 'POST')!;
    expect(post.data).toMatchObject({
      title: '高新技术企业研发补贴',
      tags: ['研发', '高新技术企业'],
      validFrom: '2024-01-01',
      validTo: '2025-12-31',
      method: '免申即享',
      conditions: [
        { field: 'qualifications', op: 'has', value: '高新技术企业' },
        { field: 'scale', op: 'in', values: ['小型', '微型'] },
      ],
    });
    expect(post.data).not.toHaveProperty('departmentId');
    expect(post.header['Idempotency-Key']).toBeTruthy();
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/staff/pages/policy-edit/index?id=31' }));
  });

  it('publishes a saved draft after confirmation, and then offers withdraw', async () => {
    let status: 'draft' | 'published' = 'draft';
    backend(
      me,
      on('GET', '/api/v1/policies/31', () => ({ statusCode: 200, data: policyDetail({ id: 31, status }) })),
      on('PUT', '/api/v1/admin/policies/31', () => ({ statusCode: 200, data: policyDetail({ id: 31, status }) })),
      on('POST', '/api/v1/admin/policies/31/publish', () => {
        status = 'published';
        return { statusCode: 200, data: policyDetail({ id: 31, status }) };
      }),
    );
    render(<PolicyEditScreen id={31} />);
    expect(await screen.findByText('草稿')).toBeInTheDocument();
    expect(screen.getByDisplayValue('小微企业吸纳就业社保补贴')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '保存并发布' }));
    expect(await screen.findByRole('button', { name: '撤回' })).toBeInTheDocument();
    expect(screen.getByText('已发布')).toBeInTheDocument();
    expect(taroMock.requests.map((r) => `${r.method} ${r.url.replace('http://api.test', '')}`)).toEqual(
      expect.arrayContaining(['PUT /api/v1/admin/policies/31', 'POST /api/v1/admin/policies/31/publish']),
    );
  });

  it('is closed to enterprise users', async () => {
    signedIn();
    backend(on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: { id: 7, role: 'enterprise', displayName: '企业用户', department: null, phoneMasked: null }, enterprise: null } })));
    render(<PolicyEditScreen />);
    expect(await screen.findByText('请先使用部门工作人员账号登录')).toBeInTheDocument();
  });
});
