import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { UserConfigExport } from '@tarojs/cli';
import type { Compiler } from 'webpack';
import type Chain from 'webpack-chain';
import { EARLY_REQUESTS } from './early-requests';

/**
 * Writes `name.br` and `name.gz` next to every compressible H5 asset, so the server (@fastify/static
 * with preCompressed) sends them as they are: compressing once at build time at the highest level
 * costs the small server nothing per request. On the first screen this is most of the win: about
 * 550 KB of JavaScript and CSS on a 1.6 Mbps line become about 170 KB.
 */
class PrecompressPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        for (const [name, source] of Object.entries(assets)) {
          // Below ~1 KB a compressed body saves less than its headers cost.
          if (!/\.(js|css|html|svg|json)$/.test(name) || source.size() < 1024) continue;
          const raw = source.buffer();
          const br = brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } });
          const gz = gzipSync(raw, { level: 9 });
          if (br.length < raw.length) compilation.emitAsset(`${name}.br`, new sources.RawSource(br));
          if (gz.length < raw.length) compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz));
        }
      });
    });
  }
}

interface HtmlTagGroups {
  headTags: { tagName: string; voidTag: boolean; attributes: Record<string, string>; innerHTML?: string; meta: Record<string, unknown> }[];
}
interface HtmlPluginClass {
  getHooks(compilation: unknown): { alterAssetTagGroups: { tap(name: string, fn: (data: HtmlTagGroups) => HtmlTagGroups): void } };
}

/** The page Taro shows when the URL names none: the first of app.config's pages. */
const HOME_PAGE = 'pages/home/index';

/**
 * Runs first in index.html (ES5: it must run on every browser the app supports). For the hash route
 * the page was opened on, it:
 * - starts the route's early API reads (config/early-requests.ts), leaving one promise per URL in
 *   window.__ystEarly (the JSON of a 2xx answer, else a rejection: the app then asks itself) and the
 *   answers that arrived in window.__ystEarlyArrived (src/lib/api/early.ts reads both), so the
 *   answer travels while the JS downloads instead of being asked for after the page has rendered;
 * - preloads the route's CSS at once, and its JS chunks as soon as the first of the app's own JS
 *   files has downloaded. Taro's router would ask for the page chunk only after app.js has arrived
 *   and run: one more round trip (≈ 370 ms at 150 ms RTT). Starting everything at once is not better:
 *   the line is shared, so app.js (the biggest file) arrived last and its ≈ 300 ms of evaluation
 *   started last. Now app.js arrives earlier and is evaluated while the page chunks finish.
 * Browsers without preload (or fetch) skip that part and load as before.
 */
const ROUTE_START = `function (entry, routes, early, home) {
  var hash = /^#\\/?([^?]*)/.exec(location.hash);
  var route = (hash && hash[1]) || home;
  var files = routes[route] || [], urls = early[route] || [], started = false, i;
  if (urls.length && window.fetch && window.Promise) {
    var answers = window.__ystEarly = {}, arrived = window.__ystEarlyArrived = {};
    for (i = 0; i < urls.length; i++) (function (url) {
      answers[url] = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (res) { if (!res.ok) throw res.status; return res.json(); })
        .then(function (data) { arrived[url] = data; return data; });
      answers[url].catch(function () {});
    })(urls[i]);
  }
  var link = document.createElement('link');
  if (!(link.relList && link.relList.supports && link.relList.supports('preload'))) return;
  function preload(href, done) {
    var l = document.createElement('link');
    l.rel = 'preload';
    l.as = /\\.css$/.test(href) ? 'style' : 'script';
    l.href = href;
    if (done) l.onload = l.onerror = done;
    document.head.appendChild(l);
  }
  function pageScripts() {
    if (started) return;
    started = true;
    for (var j = 0; j < files.length; j++) if (!/\\.css$/.test(files[j])) preload(files[j]);
  }
  for (i = 0; i < files.length; i++) if (/\\.css$/.test(files[i])) preload(files[i]);
  for (i = 0; i < entry.length; i++) preload(entry[i], pageScripts);
}`;

/**
 * Puts ROUTE_START into index.html with its data: the app's own JS files, and the route→files map
 * taken from webpack's chunk groups (Taro's router imports each page as `./pages/…`), shared chunks included.
 */
class RoutePreloadPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('RoutePreloadPlugin', (compilation) => {
      const html = compiler.options.plugins.find((p) => p?.constructor?.name === 'HtmlWebpackPlugin')?.constructor as unknown as HtmlPluginClass | undefined;
      if (!html) return;
      html.getHooks(compilation).alterAssetTagGroups.tap('RoutePreloadPlugin', (data) => {
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/';
        const assets = (files: Iterable<string>, pattern: RegExp) => [...files].filter((f) => pattern.test(f)).map((f) => publicPath + f);
        const routes: Record<string, string[]> = {};
        for (const group of compilation.chunkGroups) {
          for (const origin of group.origins) {
            const page = /^\.\/((?:.+\/)?pages\/.+)$/.exec(origin.request ?? '')?.[1];
            if (page) routes[page] = assets(group.getFiles(), /\.(js|css)$/);
          }
        }
        const entry = [...compilation.entrypoints.values()].flatMap((e) => assets(e.getFiles(), /\.js$/));
        const args = [entry, routes, EARLY_REQUESTS, HOME_PAGE].map((v) => JSON.stringify(v)).join(',');
        const script = `(${ROUTE_START.replace(/\n\s*/g, '')})(${args})`;
        data.headTags.unshift({ tagName: 'script', voidTag: false, attributes: {}, innerHTML: script, meta: { plugin: 'RoutePreloadPlugin' } });
        return data;
      });
    });
  }
}

/**
 * Taro splits only the entry (chunks: 'initial'), so every page chunk carried its own copy of NutUI,
 * Taro's components and our shared screens' code: about 100 KB of the 110–170 KB of each page, downloaded
 * again on every page the user opens. Code that several pages use now goes into shared chunks, one per
 * set of pages using it (webpack's usual split), which are cached after the first page and not fetched
 * again. The first screen loads the same code as before, in a few more files (index.html preloads
 * all of its route's files together, so they come in parallel, not one after another).
 */
function sharePageCode(chain: Chain): void {
  const splitChunks = chain.optimization.get('splitChunks') as { cacheGroups?: Record<string, unknown> } & Record<string, unknown>;
  chain.optimization.splitChunks({
    ...splitChunks,
    cacheGroups: {
      ...splitChunks.cacheGroups,
      pages: {
        chunks: 'async',
        minChunks: 2,
        // Smaller shared pieces would cost a request each (≈ 150 ms RTT) to save a few KB on later pages.
        minSize: 20_000,
        priority: 0,
        reuseExistingChunk: true,
      },
    },
  });
}

// WeChat's package checks require minified JS and WXSS here; WXML is minified by WeChat's own
// uploader (project.config.json minifyWXML). Taro's `mini.minifyXML` must stay off: its HTML
// minifier drops `</input>` as if input were void, which WeChat's compiler rejects.
export default {
  terser: { enable: true },
  csso: { enable: true },
  mini: {},
  h5: {
    webpackChain(chain) {
      sharePageCode(chain);
      chain.plugin('route-preload').use(RoutePreloadPlugin);
      chain.plugin('precompress').use(PrecompressPlugin);
    },
  },
} satisfies UserConfigExport<'webpack5'>;
