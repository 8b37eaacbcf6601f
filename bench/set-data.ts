/**
 * setData figures of the built mini-program: every call the Taro runtime sends while the policy list
 * loads 200 items (20 a page, scroll-to-bottom) and while a survey is filled in, measured in
 * miniprogram-simulate with WeChat's template compiler. Budgets: ≤ 64 KB per call, ≤ 20 calls in
 * any one second.
 *
 *   npm run build:weapp && npx tsx bench/set-data.ts          (WEAPP_DIST=dist-x for another build)
 *
 * The scenarios live in test/weapp/set-data.test.ts (which fails above the budgets); this runs that
 * file through jest, since the simulator needs jest's jsdom and module registry, and prints its figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figures } from '../test/weapp/set-data.test';
import { summarize } from './summary';

const ROOT = path.resolve(__dirname, '..');
const MAX_KB = 64;
const MAX_PER_SECOND = 20;

function displayWidth(text: string): number {
  // CJK characters take two columns in a terminal.
  return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x7f ? 2 : 1), 0);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(...[h, ...rows.map((r) => r[i])].map(displayWidth)));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - displayWidth(c))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yst-set-data-'));
  const file = path.join(dir, 'figures.json');
  try {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), 'test/weapp/set-data.test.ts', '--selectProjects', 'weapp', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, SET_DATA_FIGURES: file },
      encoding: 'utf8',
    });
    let figures: Figures[];
    try {
      figures = JSON.parse(readFileSync(file, 'utf8')) as Figures[];
    } catch {
      process.stderr.write(run.stdout + run.stderr);
      throw new Error('set-data 场景未能运行（先构建小程序：npm run build:weapp，或设 WEAPP_DIST）');
    }
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`setData（${process.env.WEAPP_DIST ?? 'dist'}，miniprogram-simulate + 微信模板编译器）预算：每次 ≤ ${MAX_KB} KB，任一秒 ≤ ${MAX_PER_SECOND} 次`);
    console.log(
      table(
        ['场景', '次数', '最大', '平均', '合计', '任一秒最多', '平均次/秒', '结论'],
        figures.map((f) => [
          f.scenario,
          String(f.calls),
          kb(f.maxBytes),
          kb(f.avgBytes),
          kb(f.totalBytes),
          String(f.maxPerSecond),
          String(f.avgPerSecond),
          f.maxBytes <= MAX_KB * 1024 && f.maxPerSecond <= MAX_PER_SECOND ? '达标' : '超标',
        ]),
      ),
    );
    for (const f of figures) console.log(`${f.scenario} 最大一次：${f.biggest.join('，')}`);
    for (const f of figures) {
      summarize({ item: `setData 单次最大：${f.scenario}`, figure: kb(f.maxBytes), target: `≤ ${MAX_KB} KB`, met: f.maxBytes <= MAX_KB * 1024 });
      summarize({ item: `setData 每秒最多：${f.scenario}`, figure: `${f.maxPerSecond} 次`, target: `≤ ${MAX_PER_SECOND} 次`, met: f.maxPerSecond <= MAX_PER_SECOND });
    }
    if (run.status !== 0) {
      console.log('\n测试未通过：');
      process.stdout.write(run.stderr.split('\n').filter((l) => /✕|Expected|Received|waited/.test(l)).join('\n') + '\n');
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
