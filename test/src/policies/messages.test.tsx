import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ThreadScreen } from '@/features/messages/thread-screen';
import { InboxScreen } from '@/features/messages/staff/inbox-screen';
import { taroMock } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { thread } from './fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));

beforeEach(freshApp);

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

const me = on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } }));
const STAFF_USER = { id: 20, role: 'staff' as const, displayName: '王科员', department: { id: 2, name: '区人社局' }, phoneMasked: null };

describe('留言', () => {
  it('shows the posts and the reply deadline in working days and China time', async () => {
    signedIn();
    backend(me, on('GET', '/api/v1/messages/9', () => ({ statusCode: 200, data: thread() })));
    render(<ThreadScreen id={9} />);
    expect(await screen.findByTestId('deadline')).toHaveTextContent('工作日 1 天内答复，截止 12月1日 18:00');
    expect(screen.getByText('我公司是否符合？')).toBeInTheDocument();
    expect(screen.getByTestId('post')).toHaveTextContent('平安银行股份有限公司 · 11月30日 10:00');
    expect(screen.queryByText('已超期')).not.toBeInTheDocument();
  });

  it('marks an overdue thread and posts a follow-up', async () => {
    signedIn();
    const overdue = thread({ overdue: true, complexity: 'complex' });
    backend(
      me,
      on('GET', '/api/v1/messages/9', () => ({ statusCode: 200, data: overdue })),
      on('POST', '/api/v1/messages/9/posts', (r) => ({
        statusCode: 201,
        data: { ...overdue, posts: [...overdue.posts, { id: 2, from: 'enterprise', author: ENTERPRISE.name, body: (r.data as { body: string }).body, at: '2026-12-02T02:00:00.000Z' }] },
      })),
    );
    render(<ThreadScreen id={9} />);
    expect(await screen.findByText('已超期')).toBeInTheDocument();
    expect(screen.getByTestId('deadline')).toHaveTextContent('工作日 3 天内答复，截止 12月1日 18:00，已超过答复期限');

    fireEvent.change(screen.getByPlaceholderText('补充说明或继续提问'), { target: { value: '请尽快答复' } });
    fireEvent.click(screen.getByRole('button', { name: '发送' }));
    await waitFor(() => expect(screen.getAllByTestId('post')).toHaveLength(2));
    expect(screen.getAllByTestId('post')[1]).toHaveTextContent('请尽快答复');
    expect(taroMock.requests.find((r) => r.method === 'POST')?.data).toEqual({ body: '请尽快答复' });
  });

  it('starts a new thread about a policy', async () => {
    signedIn();
    backend(
      me,
      on('POST', '/api/v1/messages', (r) => ({ statusCode: 201, data: thread({ posts: [{ ...thread().posts[0], body: (r.data as { body: string }).body }] }) })),
    );
    render(<ThreadScreen policyId={11} />);
    fireEvent.change(await screen.findByPlaceholderText('请描述您的问题，如：我公司是否符合本政策？'), { target: { value: '申请材料有哪些' } });
    fireEvent.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByTestId('deadline')).toHaveTextContent('工作日 1 天内答复');
    expect(taroMock.requests.find((r) => r.method === 'POST')?.data).toEqual({ policyId: 11, body: '申请材料有哪些' });
  });

  it('staff inbox lists waiting messages with the overdue warning first', async () => {
    signedIn(STAFF_USER);
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: STAFF_USER, enterprise: null } })),
      on('GET', '/api/v1/admin/messages', (r) => {
        expect(new URL(r.url).searchParams.get('answered')).toBe('false');
        const base = thread();
        const summary = (id: number, overdue: boolean) => ({
          id,
          subject: base.subject,
          enterprise: base.enterprise,
          department: base.department,
          complexity: base.complexity,
          replyDueAt: base.replyDueAt,
          answered: false,
          overdue,
          lastPost: { from: 'enterprise', body: `问题${id}`, at: base.createdAt },
          createdAt: base.createdAt,
        });
        return { statusCode: 200, data: { items: [summary(1, true), summary(2, false)], total: 2 } };
      }),
    );
    render(<InboxScreen />);
    const rows = await screen.findAllByTestId('thread-row');
    expect(within(rows[0]).getByText('已超期')).toBeInTheDocument();
    expect(within(rows[1]).queryByText('已超期')).not.toBeInTheDocument();
    expect(screen.getByText('有 1 条留言已超过答复期限，请尽快答复')).toBeInTheDocument();
    fireEvent.click(rows[0]);
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/policy-tools/pages/message/index?id=1' });
  });
});
