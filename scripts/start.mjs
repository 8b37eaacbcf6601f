#!/usr/bin/env node
// `npm start`: the whole product on one port for a fresh clone. Builds the H5 app when it
// is missing or older than its sources, then runs the backend in demo mode (embedded
// SQLite, seeded on first start, the local WeChat stand-in) serving the H5 app and the API.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const H5_INDEX = 'dist-h5/index.html';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (!existsSync('node_modules')) {
  console.error('请先运行 npm install');
  process.exit(1);
}
const sources = Math.max(newestMtime('src'), newestMtime('types'), newestMtime('config'));
if (!existsSync(H5_INDEX) || statSync(H5_INDEX).mtimeMs < sources) {
  console.log('正在构建 H5 应用（约 20 秒）…');
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
  stdio: 'inherit',
  env: { DEMO: '1', STATIC_DIR: 'dist-h5', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
