#!/usr/bin/env node
// `npm test`: everything CI runs, in order — test dependencies, type check, both builds
// (the WeChat and browser tests exercise the built output), then every jest project.
// Extra arguments go to jest (e.g. `npm test -- --selectProjects server`); SKIP_BUILD=1
// reuses existing builds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { DEFAULT_DIR, report, scanDir } from './scan-server-logs.mjs';

const jestArgs = process.argv.slice(2);

function run(label, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run('测试依赖 (Chromium, CJK fonts, PostgreSQL)', 'bash', ['scripts/test-deps.sh']);
if (!process.env.TEST_DATABASE_URL && process.env.SKIP_POSTGRES !== '1' && existsSync('/usr/lib/postgresql')) {
  process.env.TEST_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
}
if (!process.env.TEST_REDIS_URL && process.env.SKIP_REDIS !== '1' && existsSync('/usr/bin/redis-server')) {
  process.env.TEST_REDIS_URL = 'redis://127.0.0.1:6379';
}
run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (process.env.SKIP_BUILD !== '1') {
  run('build:weapp', 'npx', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' });
  run('build:h5', 'npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' });
}

mkdirSync('test-results', { recursive: true });
// The API tests append every server log line here (test/server/helper.ts); only this run's lines are scanned.
const SERVER_LOG_DIR = process.env.SERVER_LOG_DIR ?? DEFAULT_DIR;
rmSync(SERVER_LOG_DIR, { recursive: true, force: true });
const out = 'test-results/jest.json';
const r = spawnSync('npx', ['jest', '--json', `--outputFile=${out}`, ...jestArgs], { stdio: 'inherit' });
let summary = null;
try {
  summary = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  // jest crashed before writing results; its own output above says why.
}
// The server's logs over the whole suite: no phone number, openid, token or address.
console.log('\n▶ 日志隐私扫描');
const scan = report(scanDir(SERVER_LOG_DIR));
// The summary line goes last: CI reads the closing "N passed, N failed" line.
if (summary) {
  const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numTotalTestSuites: suites } = summary;
  console.log(`\n${suites} test files, PostgreSQL ${process.env.TEST_DATABASE_URL ? 'included' : 'not configured'}`);
  console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
process.exit(r.status === null ? 1 : r.status || scan);
