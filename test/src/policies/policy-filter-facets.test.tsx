import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FilterPopup } from '@/features/policies/filter-popup';
import { PoliciesScreen } from '@/features/policies/policies-screen';
import { resetFacetsCache } from '@/features/policies/policy-filters';
import { taroMock, type MockRequest } from '../taro-stub';
import { backend, freshApp, on } from '../helpers';
import { listItem } from './fixtures';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));

beforeEach(() => {
  freshApp();
  resetFacetsCache();
});

const params = (r: MockRequest) => new URL(r.url).searchParams;
const searches = () => taroMock.requests.filter((r) => r.url.includes('/api/v1/policies?'));
const facetCalls = () => taroMock.requests.filter((r) => r.url.includes('/api/v1/policies/facets'));

/** Like the server: 区财政局 has 5 policies, none of them 奖补; 区人社局 3, all 奖补. */
const facets = on('GET', '/api/v1/policies/facets', (r) => {
  const kind = params(r).get('kind');
  const departments =
    kind === '奖补'
      ? [{ id: 2, name: '区人社局', count: 3 }]
      : [
          { id: 5, name: '区财政局', count: 5 },
          { id: 2, name: '区人社局', count: 3 },
        ];
  if (kind === '奖补' && params(r).get('department') === '5') departments.push({ id: 5, name: '区财政局', count: 0 });
  return { statusCode: 200, data: { departments, tags: [{ name: '社保', count: 2 }] } };
});
const list = on('GET', '/api/v1/policies', () => ({ statusCode: 200, data: { items: [listItem(1)], total: 1 } }));

const pick = async (chip: string, option: string) => {
  fireEvent.click(screen.getByText(chip));
  fireEvent.click(within(await screen.findByRole('listbox')).getByText(option));
};

describe('政策 filters', () => {
  it('with 类型=奖补 the 部门 sheet counts within 奖补: no 区财政局（5） that would list nothing', async () => {
    backend(facets, list);
    render(<PoliciesScreen />);
    await screen.findByTestId('policy-card');
    fireEvent.click(screen.getByText('部门 ▾'));
    expect(within(screen.getByRole('listbox')).getByText('区财政局（5）')).toBeInTheDocument();
    fireEvent.click(within(screen.getByRole('listbox')).getByText('全部'));

    await pick('类型 ▾', '奖补');
    await waitFor(() => expect(params(facetCalls().at(-1)!).get('kind')).toBe('奖补'));
    fireEvent.click(screen.getByText('部门 ▾'));
    await waitFor(() => expect(within(screen.getByRole('listbox')).queryByText('区财政局（5）')).not.toBeInTheDocument());
    expect(within(screen.getByRole('listbox')).getByText('区人社局（3）')).toBeInTheDocument();
  });

  it('asks for the counts under the search words and every filter, but never 仅看我可享 or a page', async () => {
    backend(facets, list);
    render(<PoliciesScreen />);
    await screen.findByTestId('policy-card');
    fireEvent.change(screen.getByPlaceholderText('搜索政策，如 社保、补贴、贷款'), { target: { value: '补贴' } });
    await waitFor(() => expect(params(facetCalls().at(-1)!).get('q')).toBe('补贴'));
    await pick('层级 ▾', '省级');
    await waitFor(() => expect(params(facetCalls().at(-1)!).get('level')).toBe('省'));
    const last = params(facetCalls().at(-1)!);
    expect(last.get('q')).toBe('补贴');
    expect(last.has('page')).toBe(false);
    expect(last.has('eligible')).toBe(false);
  });

  it('a chosen department keeps its name on the chip when the counts under a new filter leave it at 0', async () => {
    backend(facets, list);
    render(<PoliciesScreen />);
    await screen.findByTestId('policy-card');
    await pick('部门 ▾', '区财政局（5）');
    await waitFor(() => expect(params(searches().at(-1)!).get('department')).toBe('5'));
    await pick('类型 ▾', '奖补');
    await waitFor(() => expect(params(facetCalls().at(-1)!).get('kind')).toBe('奖补'));
    expect(screen.getByText('区财政局 ▾')).toBeInTheDocument();
    fireEvent.click(screen.getByText('区财政局 ▾'));
    expect(await within(screen.getByRole('listbox')).findByText('区财政局（0）')).toBeInTheDocument();
  });

  it('filters by 兑现方式', async () => {
    backend(facets, list);
    render(<PoliciesScreen />);
    await screen.findByTestId('policy-card');
    fireEvent.click(screen.getByText('兑现方式 ▾'));
    const options = within(await screen.findByRole('listbox'));
    expect(options.getAllByRole('option').map((o) => o.textContent)).toEqual(['全部', '免申即享', '快申快享']);
    fireEvent.click(options.getByText('快申快享'));
    await waitFor(() => expect(params(searches().at(-1)!).get('method')).toBe('快申快享'));
    expect(screen.getByText('快申快享 ▾')).toBeInTheDocument();
    expect(params(facetCalls().at(-1)!).get('method')).toBe('快申快享');
  });

  it('含已过期 lists expired policies too, for anyone, and switches off again', async () => {
    backend(facets, list);
    render(<PoliciesScreen />);
    await screen.findByTestId('policy-card');
    expect(params(searches()[0]).has('includeExpired')).toBe(false);
    const toggle = screen.getByRole('switch', { name: '含已过期' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(toggle);
    await waitFor(() => expect(params(searches().at(-1)!).get('includeExpired')).toBe('true'));
    expect(screen.getByRole('switch', { name: '含已过期' })).toHaveAttribute('aria-checked', 'true');
    await waitFor(() => expect(params(facetCalls().at(-1)!).get('includeExpired')).toBe('true'));
    fireEvent.click(screen.getByRole('switch', { name: '含已过期' }));
    await waitFor(() => expect(params(searches().at(-1)!).has('includeExpired')).toBe(false));
  });
});

describe('filter sheets and the tab bar', () => {
  const scss = fs.readFileSync(path.resolve(__dirname, '../../../src/features/policies/policies.scss'), 'utf8');

  it('on H5 the sheet is lifted above Taro’s tab bar (its height and the safe area), and its options scroll', async () => {
    backend(facets, list);
    render(<PoliciesScreen />);
    await screen.findByTestId('policy-card');
    fireEvent.click(screen.getByText('部门 ▾'));
    const options = await screen.findByRole('listbox');
    expect(options.closest('.nut-popup')).toHaveClass('yst-sheet--above-tabbar', 'nut-popup-bottom');
    const rule = /\.yst-sheet--above-tabbar\.nut-popup-bottom\s*\{([^}]*)\}/.exec(scss)?.[1] ?? '';
    expect(rule).toMatch(/bottom:\s*calc\(var\(--taro-tabbar-height, 50PX\) \+ env\(safe-area-inset-bottom, 0PX\)\)/);
    const optionsRule = /\.yst-options\s*\{([^}]*)\}/.exec(scss)?.[1] ?? '';
    expect(optionsRule).toMatch(/max-height:/);
    expect(optionsRule).toMatch(/overflow-y:\s*auto/);
  });

  it('in the mini-program (native tab bar outside the page) the sheet stays at the bottom', () => {
    const saved = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      render(<FilterPopup visible title="选择部门" options={[{ label: '全部', value: undefined }]} selected={undefined} onPick={() => undefined} onClose={() => undefined} />);
    } finally {
      process.env.TARO_ENV = saved;
    }
    const sheet = screen.getByRole('listbox').closest('.nut-popup');
    expect(sheet).toHaveClass('yst-sheet');
    expect(sheet).not.toHaveClass('yst-sheet--above-tabbar');
  });

  it('phone numbers in contacts never break mid-number', () => {
    const rule = /\.yst-nowrap\s*\{([^}]*)\}/.exec(scss)?.[1] ?? '';
    expect(rule).toMatch(/white-space:\s*nowrap/);
  });
});
