import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KB, measurePackages } from '../../bench/size';
import { DIST, assertBuilt } from './simulate-taro';

type CheckResult = { name: string; success: boolean; text: string };

// miniprogram-ci leaves a file watcher running, so it runs in a child process that exits when done.
const CHECK_SCRIPT = `
const ci = require('miniprogram-ci');
const [projectPath, privateKeyPath] = process.argv.slice(1);
const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKeyPath, ignores: ['node_modules/**/*'] });
ci.checkCodeQuality(project).then(
  (results) => { process.stdout.write('@@RESULT@@' + JSON.stringify(results.map(({ name, success, text }) => ({ name, success, text })))); process.exit(0); },
  (error) => { console.error(error); process.exit(1); },
);`;

function checkCodeQuality(projectPath: string, privateKeyPath: string): CheckResult[] {
  const out = execFileSync(process.execPath, ['-e', CHECK_SCRIPT, projectPath, privateKeyPath], {
    cwd: path.resolve(__dirname, '../..'),
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.slice(out.indexOf('@@RESULT@@') + '@@RESULT@@'.length)) as CheckResult[];
}

describe('WeChat package checks (miniprogram-ci checkCodeQuality) on dist/', () => {
  let keyDir = '';

  beforeAll(() => {
    assertBuilt();
    // checkCodeQuality needs a key file but never uses it offline; a throwaway one, never committed.
    keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yst-ci-'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.writeFileSync(path.join(keyDir, 'private.key'), privateKey.export({ type: 'pkcs1', format: 'pem' }));
  });

  afterAll(() => {
    if (keyDir) fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('passes every check', () => {
    const results = checkCodeQuality(DIST, path.join(keyDir, 'private.key'));

    // Main package = everything outside the subpackage roots of app.json (the budget test guards it).
    const sizes = measurePackages(DIST).map((p) => `${p.name === 'main' ? 'main package' : `subpackage ${p.name}`} ${(p.bytes / KB).toFixed(1)} KB`);
    // Printed for the report: WeChat warns above 1.5 MB for the main package.
    console.log(`${path.basename(DIST)}: ${sizes.join(', ')}\n` + results.map((r) => `${r.success ? '✓' : '✗'} ${r.name}: ${r.text}`).join('\n'));

    expect(results.length).toBeGreaterThanOrEqual(8);
    expect(results.filter((r) => !r.success).map((r) => `${r.name}: ${r.text}`)).toEqual([]);
  }, 120_000);
});
