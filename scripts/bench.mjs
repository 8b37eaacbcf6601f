#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after another (they share 2 cores, so never
// in parallel). Each prints its own figures next to a bare Fastify route measured in the same
// run, and hands its headline figures to bench/summary.ts; at the end they are printed as one
// table against the issue's targets. `npm run bench -- policy-search` runs only the named ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const HELPERS = new Set(['summary']);
const wanted = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => !HELPERS.has(name) && (wanted.length === 0 || wanted.includes(name)));

const dir = mkdtempSync(path.join(tmpdir(), 'ys-bench-'));
const summaryFile = path.join(dir, 'summary.jsonl');
const failed = [];
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_SUMMARY_FILE: summaryFile, BENCH_NAME: name },
  });
  if (r.status !== 0) failed.push(name);
}

let rows = [];
try {
  rows = readFileSync(summaryFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  // No bench reported anything (all failed early).
}
rmSync(dir, { recursive: true, force: true });

// East Asian characters take two columns in a terminal.
const width = (text) => Array.from(text).reduce((w, ch) => w + (/[\u2E80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1), 0);
const pad = (text, w) => text + ' '.repeat(Math.max(0, w - width(text)));
const columns = [
  ['基准', (r) => r.bench],
  ['测量项', (r) => r.item],
  ['结果', (r) => r.figure],
  ['目标', (r) => r.target || '—'],
  ['达标', (r) => (r.met === null ? '—' : r.met ? '是' : '否')],
];
const widths = columns.map(([title, get]) => Math.max(width(title), ...rows.map((r) => width(get(r)))));
const line = (cells) => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
console.log('\n=== 汇总（issue 7 的各项指标）===');
console.log(line(columns.map(([title]) => title)));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(columns.map(([, get]) => get(r))));
const missed = rows.filter((r) => r.met === false).length;
console.log(`\n${rows.length} 项，其中 ${missed} 项未达标${failed.length ? `；运行失败：${failed.join('、')}` : ''}`);
process.exit(failed.length ? 1 : 0);
