import fs from 'node:fs';
import path from 'node:path';
import { render, screen } from '@testing-library/react';
import { EMPTY_PICTURE, Empty } from '@/components/empty';
import { EmptyState, ErrorState } from '@/components/list-states';
import { EnterpriseGate } from '@/features/delivery/enterprise-gate';
import { backend, freshApp, signedIn } from './helpers';
import { STAFF_USER, meRoute } from './rectification/fixtures';

beforeEach(freshApp);

const SRC = path.resolve(__dirname, '../../src');
const REMOTE = /\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(tsx?|scss)$/.test(entry.name) ? [full] : [];
  });
}

/** Every picture an empty state shows, as the browser would fetch it. */
function pictures(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.nut-empty img')).map((img) => img.getAttribute('src') ?? '');
}

describe('empty and error states', () => {
  it('draw the bundled picture, never one from a remote server', () => {
    const { container } = render(
      <>
        <EmptyState title="暂无留言" description="在政策详情中点击“留言咨询”即可提问" />
        <ErrorState message="网络不给力" onRetry={() => undefined} />
        <Empty status="error" title="无法打开工单" description="工单不存在" />
      </>,
    );
    expect(screen.getByText('暂无留言')).toBeInTheDocument();
    expect(screen.getByText('网络不给力')).toBeInTheDocument();
    expect(pictures(container)).toEqual([EMPTY_PICTURE, EMPTY_PICTURE, EMPTY_PICTURE]);
    expect(container.innerHTML).not.toMatch(REMOTE);
  });

  it('the picture is a self-contained SVG: nothing in it is fetched', () => {
    const [, base64] = /^data:image\/svg\+xml;base64,(.+)$/.exec(EMPTY_PICTURE)!;
    const svg = Buffer.from(base64, 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 160 160"[^>]*>.*<\/svg>$/);
    expect(svg).not.toMatch(/href|url\(|<image|@import/i);
  });

  it('a screen that uses one (证照递送 for a staff account) shows it with the bundled picture', async () => {
    signedIn(STAFF_USER);
    backend(meRoute(STAFF_USER));
    const { container } = render(
      <EnterpriseGate>
        <span>预约表单</span>
      </EnterpriseGate>,
    );
    expect(await screen.findByText('请使用企业账号')).toBeInTheDocument();
    expect(screen.queryByText('预约表单')).not.toBeInTheDocument();
    expect(pictures(container)).toEqual([EMPTY_PICTURE]);
  });

  it('every screen gets its empty state from the shared component, not NutUI’s Empty with its CDN pictures', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const own = path.join(SRC, 'components/empty.tsx');
    const direct = files.filter((f) => f !== own && /import \{[^}]*\bEmpty\b[^}]*\} from '@nutui\/nutui-react-taro'/.test(fs.readFileSync(f, 'utf8')));
    expect(direct.map((f) => path.relative(SRC, f))).toEqual([]);
    const cdn = files.filter((f) => fs.readFileSync(f, 'utf8').includes('360buyimg'));
    expect(cdn.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
