import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EARLY_REQUESTS } from '../../../config/early-requests';
import { firstPageUrl } from '@/features/policies/api';
import { PoliciesScreen } from '@/features/policies/policies-screen';
import { resetFacetsCache } from '@/features/policies/policy-filters';
import { configureClient, request } from '@/lib/api/client';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on } from '../helpers';
import { listItem } from './fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));

// index.html (config/prod.ts) starts the first page of 政策 while the app's JS downloads; these are its traces.
function earlyAnswer(url: string, answer: Promise<unknown>, arrived?: unknown): void {
  answer.catch(() => undefined);
  window.__ystEarly = { [url]: answer };
  window.__ystEarlyArrived = arrived === undefined ? {} : { [url]: arrived };
}

const facets = on('GET', '/api/v1/policies/facets', () => ({ statusCode: 200, data: { departments: [], tags: [] } }));
const searches = () => taroMock.requests.filter((r) => r.url.includes('/api/v1/policies?'));

beforeEach(() => {
  freshApp();
  resetFacetsCache();
});

afterEach(() => {
  delete window.__ystEarly;
  delete window.__ystEarlyArrived;
});

describe('政策 opened directly, with the first page fetched by index.html', () => {
  it('index.html asks for exactly the first page the screen shows', () => {
    configureClient({ baseUrl: '' });
    expect(EARLY_REQUESTS['pages/policies/index']).toContain(firstPageUrl());
  });

  it('shows the policies in the first render, without asking again; searching then asks the server', async () => {
    const page = { items: [listItem(1), listItem(2)], total: 2 };
    earlyAnswer(firstPageUrl(), Promise.resolve(page), page);
    backend(
      facets,
      on('GET', '/api/v1/policies', () => ({ statusCode: 200, data: { items: [listItem(3, { title: '社保补贴' })], total: 1 } })),
    );

    render(<PoliciesScreen />);

    expect(screen.getAllByTestId('policy-card')).toHaveLength(2);
    expect(screen.queryByTestId('list-skeleton')).not.toBeInTheDocument();
    expect(screen.getByText('共 2 项政策')).toBeInTheDocument();
    await waitFor(() => expect(taroMock.requests.some((r) => r.url.includes('/facets'))).toBe(true));
    expect(searches()).toHaveLength(0);

    const input = screen.getByPlaceholderText('搜索政策，如 社保、补贴、贷款');
    fireEvent.change(input, { target: { value: '社保' } });
    await waitFor(() => expect(screen.getAllByTestId('policy-card')).toHaveLength(1));
    expect(screen.getByTestId('policy-card')).toHaveTextContent('社保补贴');

    // Back to the unfiltered list: the early answer was used once; now the server is asked.
    fireEvent.change(input, { target: { value: '' } });
    await waitFor(() => expect(searches()).toHaveLength(2));
    expect(new URL(searches()[1].url).searchParams.get('q')).toBeNull();
  });

  it('while the early answer is still on its way, shows the skeleton and then that answer, asking nothing more', async () => {
    let arrive: (page: unknown) => void = () => undefined;
    earlyAnswer(firstPageUrl(), new Promise((resolve) => (arrive = resolve)));
    backend(facets);

    render(<PoliciesScreen />);
    expect(screen.getByTestId('list-skeleton')).toBeInTheDocument();
    arrive({ items: [listItem(5)], total: 1 });

    expect(await screen.findByTestId('policy-card')).toHaveTextContent('政策5');
    expect(searches()).toHaveLength(0);
  });

  it('when the early read failed, asks the server itself', async () => {
    earlyAnswer(firstPageUrl(), Promise.reject(new Error('503')));
    backend(facets, on('GET', '/api/v1/policies', () => ({ statusCode: 200, data: { items: [listItem(7)], total: 1 } })));

    render(<PoliciesScreen />);

    expect(await screen.findByTestId('policy-card')).toHaveTextContent('政策7');
    expect(searches()).toHaveLength(1);
  });
});

describe('request() and early answers', () => {
  it('takes an early answer for its exact URL once, then asks the server', async () => {
    const url = 'http://api.test/api/v1/things?page=1';
    earlyAnswer(url, Promise.resolve({ from: 'early' }), { from: 'early' });
    backend(on('GET', '/api/v1/things', () => ({ statusCode: 200, data: { from: 'server' } })));

    await expect(request('/api/v1/things', { query: { page: 2 } })).resolves.toEqual({ from: 'server' });
    await expect(request('/api/v1/things', { query: { page: 1 } })).resolves.toEqual({ from: 'early' });
    await expect(request('/api/v1/things', { query: { page: 1 } })).resolves.toEqual({ from: 'server' });
    expect(taroMock.requests).toHaveLength(2);
  });

  it('never answers a write from an early read', async () => {
    const url = 'http://api.test/api/v1/things';
    earlyAnswer(url, Promise.resolve({ from: 'early' }), { from: 'early' });
    backend(on('POST', '/api/v1/things', () => ({ statusCode: 201, data: { from: 'server' } })));

    await expect(request('/api/v1/things', { method: 'POST', body: {} })).resolves.toEqual({ from: 'server' });
  });
});
