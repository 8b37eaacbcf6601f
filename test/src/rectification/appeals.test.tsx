import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AppealsScreen } from '@/features/rectification/appeals-screen';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';
import { fixNow } from '../lib/fixed-now';
import { ADMIN_USER, STAFF_USER, TAX, meRoute, pathOf, ticket } from './fixtures';

beforeEach(freshApp);

// 2026-11-27 10:00 in China: instants of 2026 read without the year.
fixNow('2026-11-27T02:00:00.000Z');

const appeal = { reason: '该企业当日未到窗口办事', at: '2026-09-30T02:00:00.000Z', decision: null };
const pending = [ticket({ id: 7, status: 'appealing', appeal }), ticket({ id: 8, status: 'appealing', appeal, department: TAX })];

describe('申诉复核', () => {
  it('the office upholds an appeal with a note after confirming; it leaves the list', async () => {
    signedIn(ADMIN_USER);
    backend(
      meRoute(ADMIN_USER),
      on('GET', '/api/v1/admin/appeals', () => ({ statusCode: 200, data: { items: pending, total: 2 } })),
      on('POST', '/api/v1/admin/appeals/7/decide', () => ({ statusCode: 200, data: { ...pending[0], status: 'voided' } })),
    );
    render(<AppealsScreen />);
    const card = await screen.findByTestId('appeal-7');
    expect(screen.getByText('待复核 2 件')).toBeInTheDocument();
    expect(within(card).getByText('该企业当日未到窗口办事（9月30日 10:00）')).toBeInTheDocument();

    const upheld = within(card).getByRole('button', { name: '申诉成立' });
    // No note yet: nothing is sent.
    fireEvent.click(upheld);
    expect(taroMock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(card).getByPlaceholderText('复核依据与结论'), { target: { value: '经核实企业当日未办事，属误评' } });
    fireEvent.click(upheld);
    await waitFor(() => expect(screen.queryByTestId('appeal-7')).not.toBeInTheDocument());
    const post = taroMock.requests.find((r) => r.method === 'POST')!;
    expect([pathOf(post), post.data]).toEqual(['/api/v1/admin/appeals/7/decide', { upheld: true, note: '经核实企业当日未办事，属误评' }]);
    expect(screen.getByTestId('appeal-8')).toBeInTheDocument();
    expect(screen.getByText('待复核 1 件')).toBeInTheDocument();
  });

  it('sends nothing when the office cancels the confirm', async () => {
    signedIn(ADMIN_USER);
    taroMock.modalAnswer = false;
    backend(meRoute(ADMIN_USER), on('GET', '/api/v1/admin/appeals', () => ({ statusCode: 200, data: { items: pending, total: 2 } })));
    render(<AppealsScreen />);
    const card = await screen.findByTestId('appeal-8');
    fireEvent.change(within(card).getByPlaceholderText('复核依据与结论'), { target: { value: '理由不成立' } });
    fireEvent.click(within(card).getByRole('button', { name: '驳回申诉' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(taroMock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(screen.getByTestId('appeal-8')).toBeInTheDocument();
  });

  it('department staff see no appeals and no decision buttons', async () => {
    signedIn(STAFF_USER);
    backend(meRoute(STAFF_USER), on('GET', '/api/v1/admin/appeals', () => ({ statusCode: 200, data: { items: pending, total: 2 } })));
    render(<AppealsScreen />);
    expect(screen.getByText('申诉复核由营商办管理员办理')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '申诉成立' })).not.toBeInTheDocument();
    expect(taroMock.requests.some((r) => pathOf(r) === '/api/v1/admin/appeals')).toBe(false);
  });
});
