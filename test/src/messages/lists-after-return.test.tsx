import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MessageThreadSummary } from '@contract/message';
import type { Benefit } from '@contract/benefit';
import { InboxScreen } from '@/features/messages/staff/inbox-screen';
import { MyMessagesScreen } from '@/features/messages/my-messages-screen';
import { BenefitsScreen } from '@/features/benefits/benefits-screen';
import { BenefitsAdminScreen } from '@/features/benefits/staff/benefits-admin-screen';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { benefit, thread } from '../policies/fixtures';
import { taroMock } from '../taro-stub';

jest.mock('@tarojs/taro', () => jest.requireActual('../lib/taro-page-life'));
const { pageLife } = jest.requireMock<{ pageLife: { show(): void; openOther(): void; comeBack(): void } }>('@tarojs/taro');

beforeEach(freshApp);
fixNow('2026-11-27T02:00:00.000Z');

const STAFF_USER = { id: 20, role: 'staff' as const, displayName: '王科员', department: { id: 2, name: '区人社局' }, phoneMasked: null };

function summary(over: Partial<MessageThreadSummary>): MessageThreadSummary {
  const base = thread();
  return {
    id: 9,
    subject: base.subject,
    enterprise: base.enterprise,
    department: base.department,
    complexity: base.complexity,
    replyDueAt: base.replyDueAt,
    answered: false,
    overdue: false,
    lastPost: { from: 'enterprise', body: '我公司是否符合？', at: base.createdAt },
    createdAt: base.createdAt,
    ...over,
  };
}

/** What the user does: open the item (another page covers this one), act there, come back. */
async function openAndComeBack(row: HTMLElement) {
  fireEvent.click(row);
  act(() => pageLife.openOther());
  act(() => pageLife.comeBack());
}

const countOf = (path: string) => taroMock.requests.filter((r) => r.url.includes(path)).length;

describe('lists show what was just done on an item, after coming back to them', () => {
  it('留言处理: a thread answered in its page leaves 待答复 when staff come back', async () => {
    signedIn(STAFF_USER);
    let answered = false;
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: STAFF_USER, enterprise: null } })),
      on('GET', '/api/v1/admin/messages', () => ({
        statusCode: 200,
        data: answered ? { items: [], total: 0 } : { items: [summary({})], total: 1 },
      })),
    );
    render(<InboxScreen />);
    act(() => pageLife.show());
    const [row] = await screen.findAllByTestId('thread-row');
    expect(row).toHaveTextContent('我公司是否符合？');
    // Only the mount's own load: the first show does not fetch the list a second time.
    expect(countOf('/api/v1/admin/messages')).toBe(1);

    answered = true; // the reply posted in the thread page
    await openAndComeBack(row);
    expect(await screen.findByText('暂无留言')).toBeInTheDocument();
    expect(screen.queryByTestId('thread-row')).not.toBeInTheDocument();
  });

  it('我的留言: a follow-up shows as the latest post with the new deadline when the owner comes back', async () => {
    signedIn();
    let followedUp = false;
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })),
      on('GET', '/api/v1/me/messages', () => ({
        statusCode: 200,
        data: {
          items: [
            followedUp
              ? summary({ answered: false, lastPost: { from: 'enterprise', body: '请问还需要什么材料？', at: '2026-11-27T01:00:00.000Z' }, replyDueAt: '2026-11-30T10:00:00.000Z' })
              : summary({ answered: true, lastPost: { from: 'staff', body: '符合条件。', at: '2026-11-26T02:00:00.000Z' } }),
          ],
          total: 1,
        },
      })),
    );
    render(<MyMessagesScreen />);
    const [row] = await screen.findAllByTestId('thread-row');
    expect(row).toHaveTextContent('答复：符合条件。');

    followedUp = true;
    await openAndComeBack(row);
    await waitFor(() => expect(screen.getByTestId('thread-row')).toHaveTextContent('留言：请问还需要什么材料？'));
    expect(screen.getByTestId('thread-row')).toHaveTextContent('11月30日 18:00');
  });

  it('我的享受: a record confirmed in its page shows 已确认 when the enterprise comes back, though the list mounted after /me', async () => {
    signedIn();
    let status: Benefit['status'] = 'publicized';
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })),
      on('GET', '/api/v1/me/benefits', () => ({ statusCode: 200, data: { items: [benefit({ status })], total: 1 } })),
    );
    render(<BenefitsScreen />);
    // The page was shown before /me answered and the list appeared.
    act(() => pageLife.show());
    const row = await screen.findByTestId('benefit-row');
    expect(within(row).getByText('公示中')).toBeInTheDocument();
    expect(row).toHaveTextContent('公示中，请核对后确认或提出异议');

    status = 'confirmed';
    await openAndComeBack(row);
    await waitFor(() => expect(within(screen.getByTestId('benefit-row')).getByText('已确认')).toBeInTheDocument());
    expect(screen.queryByText('公示中，请核对后确认或提出异议')).not.toBeInTheDocument();
  });

  it('兑现管理: back in the app, staff see an objection the enterprise raised meanwhile', async () => {
    signedIn(STAFF_USER);
    let objection: string | null = null;
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: STAFF_USER, enterprise: null } })),
      on('GET', '/api/v1/admin/policies', () => ({
        statusCode: 200,
        data: { items: [{ id: 11, title: '小微企业吸纳就业社保补贴', department: { id: 2, name: '区人社局' }, basisDoc: '茗人社〔2024〕6号' }], total: 1 },
      })),
      on('GET', '/api/v1/admin/benefits', () => ({
        statusCode: 200,
        data: { items: [benefit(objection ? { status: 'objected', objection, updatedAt: '2026-11-27T01:00:00.000Z' } : {})], total: 1 },
      })),
    );
    render(<BenefitsAdminScreen />);
    fireEvent.click(await screen.findByText('小微企业吸纳就业社保补贴'));
    expect(await screen.findByText('平安银行股份有限公司')).toBeInTheDocument();
    expect(screen.queryByText(/企业异议/)).not.toBeInTheDocument();

    objection = '招用人数应为15人';
    act(() => pageLife.openOther());
    act(() => pageLife.comeBack());
    expect(await screen.findByText('企业异议：招用人数应为15人')).toBeInTheDocument();
  });

  it('a page shown again without having been left (e.g. its first show) does not refetch', async () => {
    signedIn();
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })),
      on('GET', '/api/v1/me/messages', () => ({ statusCode: 200, data: { items: [summary({})], total: 1 } })),
    );
    render(<MyMessagesScreen />);
    await screen.findAllByTestId('thread-row');
    act(() => pageLife.show());
    act(() => pageLife.show());
    await new Promise((r) => setTimeout(r, 20));
    expect(countOf('/api/v1/me/messages')).toBe(1);
  });
});
