import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PoliciesScreen } from '@/features/policies/policies-screen';
import { resetFacetsCache } from '@/features/policies/policy-filters';
import { taroMock, type MockRequest } from '../taro-stub';
import { ENTERPRISE, USER, backend, freshApp, on, signedIn } from '../helpers';
import { listItem } from './fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extra } = require('./taro-extra') as typeof import('./taro-extra');

beforeEach(() => {
  freshApp();
  resetFacetsCache();
  extra.reset();
});

const facets = on('GET', '/api/v1/policies/facets', () => ({
  statusCode: 200,
  data: { departments: [{ id: 2, name: '区人社局', count: 3 }], tags: [{ name: '社保', count: 2 }] },
}));

const query = (r: MockRequest) => new URL(r.url).searchParams;
const searches = () => taroMock.requests.filter((r) => r.url.includes('/api/v1/policies?'));

describe('政策 tab', () => {
  it('a 2-character query is sent as q, and the matched words are highlighted in title and summary', async () => {
    backend(
      facets,
      on('GET', '/api/v1/policies', (r) =>
        query(r).get('q') === '社保'
          ? {
              statusCode: 200,
              data: {
                items: [listItem(1, { title: '小微企业社保补贴', summary: '缴纳社保满6个月可享', matchedTerms: ['社保'] })],
                total: 1,
              },
            }
          : { statusCode: 200, data: { items: [listItem(2), listItem(3)], total: 2 } },
      ),
    );
    render(<PoliciesScreen />);
    expect(await screen.findAllByTestId('policy-card')).toHaveLength(2);

    fireEvent.change(screen.getByPlaceholderText('搜索政策，如 社保、补贴、贷款'), { target: { value: '社保' } });

    await waitFor(() => expect(screen.getAllByTestId('policy-card')).toHaveLength(1));
    const last = searches().at(-1)!;
    expect(query(last).get('q')).toBe('社保');
    expect(query(last).get('pageSize')).toBe('20');
    const card = screen.getByTestId('policy-card');
    const marks = card.querySelectorAll('.yst-hl');
    expect(Array.from(marks, (m) => m.textContent)).toEqual(['社保', '社保']);
    expect(card).toHaveTextContent('小微企业社保补贴');
  });

  it('debounces typing: one request for the settled query, not one per keystroke', async () => {
    backend(facets, on('GET', '/api/v1/policies', () => ({ statusCode: 200, data: { items: [], total: 0 } })));
    render(<PoliciesScreen />);
    await waitFor(() => expect(searches()).toHaveLength(1));
    const input = screen.getByPlaceholderText('搜索政策，如 社保、补贴、贷款');
    fireEvent.change(input, { target: { value: '稳' } });
    fireEvent.change(input, { target: { value: '稳岗' } });
    fireEvent.change(input, { target: { value: '2023 稳岗' } });
    await waitFor(() => expect(searches()).toHaveLength(2));
    expect(query(searches()[1]).get('q')).toBe('2023 稳岗');
  });

  it('shows an empty state when nothing matches', async () => {
    backend(facets, on('GET', '/api/v1/policies', () => ({ statusCode: 200, data: { items: [], total: 0 } })));
    render(<PoliciesScreen />);
    fireEvent.change(screen.getByPlaceholderText('搜索政策，如 社保、补贴、贷款'), { target: { value: '火箭' } });
    expect(await screen.findByText('没有找到相关政策')).toBeInTheDocument();
    expect(screen.queryByTestId('policy-card')).not.toBeInTheDocument();
  });

  it('shows a skeleton while loading, then an error with a working retry', async () => {
    let fail = true;
    backend(
      facets,
      on('GET', '/api/v1/policies', () =>
        fail ? { statusCode: 503, data: { error: { code: 'UNAVAILABLE', message: '服务暂不可用' } } } : { statusCode: 200, data: { items: [listItem(1)], total: 1 } },
      ),
    );
    render(<PoliciesScreen />);
    expect(screen.getByTestId('list-skeleton')).toBeInTheDocument();
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByTestId('policy-card')).toHaveTextContent('政策1');
  });

  it('loads the next page of 20 on scroll to the bottom and renders only what was loaded', async () => {
    backend(
      facets,
      on('GET', '/api/v1/policies', (r) => {
        const page = Number(query(r).get('page'));
        const ids = page === 1 ? Array.from({ length: 20 }, (_, i) => i + 1) : [21, 22, 23, 24, 25];
        return { statusCode: 200, data: { items: ids.map((id) => listItem(id)), total: 25 } };
      }),
    );
    render(<PoliciesScreen />);
    await waitFor(() => expect(screen.getAllByTestId('policy-card')).toHaveLength(20));
    expect(screen.getByText('加载更多（已显示 20/25）')).toBeInTheDocument();

    act(() => extra.reachBottom?.());

    await waitFor(() => expect(screen.getAllByTestId('policy-card')).toHaveLength(25));
    expect(query(searches().at(-1)!).get('page')).toBe('2');
    expect(screen.getByText('没有更多了（共 25 条）')).toBeInTheDocument();
    act(() => extra.reachBottom?.());
    expect(searches()).toHaveLength(2);
  });

  it('filters by kind from a popup, and offers 仅看我可享 only to a bound enterprise', async () => {
    backend(facets, on('GET', '/api/v1/policies', () => ({ statusCode: 200, data: { items: [listItem(1)], total: 1 } })));
    const { unmount } = render(<PoliciesScreen />);
    await screen.findByTestId('policy-card');
    expect(screen.queryByText('仅看我可享')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('类型 ▾'));
    fireEvent.click(within(screen.getByRole('listbox')).getByText('减免'));
    await waitFor(() => expect(query(searches().at(-1)!).get('kind')).toBe('减免'));
    unmount();

    signedIn();
    backend(
      facets,
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })),
      on('GET', '/api/v1/me/subscriptions', () => ({ statusCode: 200, data: { templates: [] } })),
      on('GET', '/api/v1/policies', () => ({ statusCode: 200, data: { items: [listItem(1)], total: 1 } })),
    );
    render(<PoliciesScreen />);
    fireEvent.click(await screen.findByText('仅看我可享'));
    await waitFor(() => expect(query(searches().at(-1)!).get('eligible')).toBe('true'));
  });

  it('does not offer 订阅新政策提醒 on H5, where WeChat reminders cannot be subscribed', async () => {
    signedIn();
    backend(
      facets,
      on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user: USER, enterprise: ENTERPRISE } })),
      on('GET', '/api/v1/me/subscriptions', () => ({
        statusCode: 200,
        data: { templates: [{ key: 'newPolicy', templateId: 'tmpl-new', title: '新政策提醒', credits: 0 }] },
      })),
      on('GET', '/api/v1/policies', () => ({ statusCode: 200, data: { items: [listItem(1)], total: 1 } })),
    );
    render(<PoliciesScreen />);
    expect(await screen.findAllByTestId('policy-card')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: '订阅新政策提醒' })).not.toBeInTheDocument();
    expect(screen.queryByText('有新的可享政策发布时提醒我')).not.toBeInTheDocument();
    expect(taroMock.requests.some((r) => r.url.includes('/api/v1/me/subscriptions'))).toBe(false);
  });
});
