import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PoliciesScreen } from '@/features/policies/policies-screen';
import { resetFacetsCache } from '@/features/policies/policy-filters';
import { taroMock, type MockRequest } from '../taro-stub';
import { backend, freshApp, on } from '../helpers';
import { listItem } from './fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));
// The H5 build: Taro resolves filter-popup-on-demand.h5.tsx, which loads the popup on first open.
jest.mock('@/features/policies/filter-popup-on-demand', () => jest.requireActual('@/features/policies/filter-popup-on-demand.h5'));
// Stands for the popup's chunk failing to download (offline); a failed require is tried again next time.
let mockOffline = false;
jest.mock('@/features/policies/filter-popup', () => {
  if (mockOffline) throw new Error('ChunkLoadError: Loading chunk filter-popup failed.');
  return jest.requireActual('@/features/policies/filter-popup');
});

beforeEach(() => {
  freshApp();
  resetFacetsCache();
});

const query = (r: MockRequest) => new URL(r.url).searchParams;
const searches = () => taroMock.requests.filter((r) => r.url.includes('/api/v1/policies?'));

const policies = () =>
  backend(
    on('GET', '/api/v1/policies/facets', () => ({
      statusCode: 200,
      data: { departments: [{ id: 2, name: '区人社局', count: 3 }], tags: [{ name: '社保', count: 2 }] },
    })),
    on('GET', '/api/v1/policies', () => ({ statusCode: 200, data: { items: [listItem(1)], total: 1 } })),
  );

describe('政策 filters on H5, with the popup loaded on first open', () => {
  it('when the popup cannot be downloaded, says so and the chip still works once it can', async () => {
    policies();
    mockOffline = true;
    render(<PoliciesScreen />);
    await screen.findByTestId('policy-card');

    fireEvent.click(screen.getByText('类型 ▾'));
    await waitFor(() => expect(taroMock.toasts).toContain('筛选加载失败，请检查网络后重试'));
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();

    mockOffline = false;
    fireEvent.click(screen.getByText('类型 ▾'));
    expect(await screen.findByRole('listbox')).toHaveTextContent('减免');
  });

  it('opens on a tap, filters by the option picked, and shows it chosen when opened again', async () => {
    policies();
    render(<PoliciesScreen />);
    await screen.findByTestId('policy-card');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('部门 ▾'));
    const options = await screen.findByRole('listbox');
    await waitFor(() => expect(screen.getByText('选择部门')).toBeVisible());
    fireEvent.click(within(options).getByText('区人社局（3）'));
    await waitFor(() => expect(query(searches().at(-1)!).get('department')).toBe('2'));
    expect(screen.getByText('区人社局 ▾')).toBeInTheDocument();

    fireEvent.click(screen.getByText('区人社局 ▾'));
    await waitFor(() => expect(within(screen.getByRole('listbox')).getByRole('option', { selected: true })).toHaveTextContent('区人社局（3）'));
    fireEvent.click(within(screen.getByRole('listbox')).getByText('全部'));
    await waitFor(() => expect(query(searches().at(-1)!).get('department')).toBeNull());
  });
});
