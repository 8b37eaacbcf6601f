import fs from 'node:fs';
import path from 'node:path';
import { compileString } from 'sass';
import { render } from '@testing-library/react';
import { EmptyState, ErrorState } from '@/components/list-states';

// The styles as the build ships them: NutUI's Empty, then ours (jsdom applies stylesheets, not var()).
const ROOT = path.resolve(__dirname, '../..');
const NUT_EMPTY = path.join(ROOT, 'node_modules/@nutui/nutui-react-taro/dist/es/packages/empty/style/style.css');

function installStyles(): () => void {
  const style = document.createElement('style');
  style.textContent = fs.readFileSync(NUT_EMPTY, 'utf8') + compileString(fs.readFileSync(path.join(ROOT, 'src/components/empty.scss'), 'utf8')).css;
  document.head.appendChild(style);
  return () => style.remove();
}

/** A wrapped line's height relative to its font: below ~1.3 the lines of Chinese text touch or overlap. */
function lineSpacing(element: Element): number {
  const lineHeight = getComputedStyle(element).lineHeight;
  expect(lineHeight).toMatch(/^\d+(\.\d+)?$/);
  return Number(lineHeight);
}

describe('empty and error states with text that wraps', () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = installStyles();
  });
  afterEach(() => uninstall());

  it('give a two-line description (政策不存在) room between its lines, centred under the title', () => {
    const { container } = render(
      <EmptyState title="该政策不存在或已撤回" description="链接可能有误，或政策已被发文部门撤回。可在政策列表中查找现行政策。" />,
    );
    const description = container.querySelector('.nut-empty-description')!;
    expect(description).toHaveTextContent('链接可能有误');
    expect(lineSpacing(description)).toBeGreaterThanOrEqual(1.4);
    expect(getComputedStyle(description).textAlign).toBe('center');
    const title = container.querySelector('.nut-empty-title')!;
    expect(lineSpacing(title)).toBeGreaterThanOrEqual(1.3);
  });

  it('do the same for the error state’s message', () => {
    const { container } = render(<ErrorState message="网络连接失败，请检查网络设置后点击下方按钮重新加载" onRetry={() => undefined} />);
    expect(lineSpacing(container.querySelector('.nut-empty-description')!)).toBeGreaterThanOrEqual(1.4);
  });
});
