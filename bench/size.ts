/**
 * Package sizes of the built mini-program: every package's size and its share of WeChat's 2 MB
 * limit per package, the main package against our own 700 KB budget, and the biggest files of the
 * main package (where to look when it grows).
 *
 *   npm run build:weapp && npx tsx bench/size.ts        (WEAPP_DIST=dist-x or an argument for another folder)
 *
 * The main package is everything in the build outside the subpackage roots listed in app.json:
 * that is what every user downloads before the first screen. test/weapp/package-budget.test.ts
 * guards the same figures with this same measurement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { summarize } from './summary';

export const KB = 1024;
/** WeChat refuses to upload a package (main or sub) above this. */
export const WECHAT_PACKAGE_LIMIT = 2 * 1024 * KB;
/** Our budget for the main package: a cheap phone on a slow network downloads it before anything shows. */
export const MAIN_PACKAGE_BUDGET = 700 * KB;

export interface FileSize {
  /** Relative to the build folder, with forward slashes. */
  file: string;
  bytes: number;
}

export interface PackageSize {
  /** 'main' or the subpackage root as in app.json. */
  name: string;
  bytes: number;
  files: FileSize[];
}

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

function listFiles(dir: string, base = dir): FileSize[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [{ file: path.relative(base, full).split(path.sep).join('/'), bytes: fs.statSync(full).size }];
  });
}

export function subpackageRoots(dist: string): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson;
  // Roots may be written with or without a trailing slash; compare folder prefixes only.
  return (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/^\/+|\/+$/g, ''));
}

/** Main package first, then the subpackages in app.json order. */
export function measurePackages(dist: string): PackageSize[] {
  const roots = subpackageRoots(dist);
  const packages: PackageSize[] = [{ name: 'main', bytes: 0, files: [] }, ...roots.map((name) => ({ name, bytes: 0, files: [] as FileSize[] }))];
  for (const f of listFiles(dist)) {
    // The longest matching root wins, so a root nested in another one keeps its own files.
    const root = roots.filter((r) => f.file.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
    const pkg = packages.find((p) => p.name === (root ?? 'main'))!;
    pkg.bytes += f.bytes;
    pkg.files.push(f);
  }
  for (const p of packages) p.files.sort((a, b) => b.bytes - a.bytes);
  return packages;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const share = (bytes: number) => `${((bytes / WECHAT_PACKAGE_LIMIT) * 100).toFixed(1)}%`;

export function report(dist: string, topFiles = 15): string {
  const packages = measurePackages(dist);
  const total = packages.reduce((sum, p) => sum + p.bytes, 0);
  const rows = packages.map((p) => {
    const budget = p.name === 'main' ? MAIN_PACKAGE_BUDGET : WECHAT_PACKAGE_LIMIT;
    return [p.name, kb(p.bytes), share(p.bytes), p.bytes > budget ? `超出 ${kb(budget)}` : `≤ ${kb(budget)}`];
  });
  const header = ['package', 'size', 'of 2 MB', 'budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const main = packages[0];
  return [
    `build: ${dist}`,
    line(header),
    ...rows.map(line),
    `all packages: ${kb(total)}`,
    '',
    `biggest files of the main package (${main.files.length} files):`,
    ...main.files.slice(0, topFiles).map((f) => `  ${kb(f.bytes).padStart(10)}  ${f.file}`),
  ].join('\n');
}

if (process.argv[1] && /bench[\\/]size\.ts$/.test(process.argv[1])) {
  const dist = path.resolve(process.argv[2] ?? process.env.WEAPP_DIST ?? 'dist');
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    console.error(`${dist}/app.json 不存在：请先运行 npm run build:weapp`);
    process.exit(1);
  }
  console.log(report(dist));
  for (const p of measurePackages(dist)) {
    const budget = p.name === 'main' ? MAIN_PACKAGE_BUDGET : WECHAT_PACKAGE_LIMIT;
    summarize({ item: p.name === 'main' ? '小程序主包' : `分包 ${p.name}`, figure: `${kb(p.bytes)}（2 MB 的 ${share(p.bytes)}）`, target: `≤ ${kb(budget)}`, met: p.bytes <= budget });
  }
}
