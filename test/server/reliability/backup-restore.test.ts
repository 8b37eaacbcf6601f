import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp } from '../../../server/app';
import { seedIfEmpty } from '../../../server/seed';
import { ADMIN, build, databases, type TestApp } from '../helper';
import { injectTransport } from './inject-transport';
import { inspect } from './integrity';
import { ROOT } from './server-process';
import { prepare, seeded, sendSubmission, submission, type Fixture, type Submission } from './workload';

jest.setTimeout(120_000);

const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;
const kinds = databases().filter((k) => k === 'sqlite' || hasPgDump);

function script(name: 'backup' | 'restore', env: Record<string, string>, args: string[] = []) {
  const r = spawnSync(process.execPath, [`scripts/${name}.mjs`, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The same, without blocking this process: the app keeps serving while the backup runs. */
function scriptAsync(name: 'backup', env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`scripts/${name}.mjs`], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (status) => resolve({ status, out }));
  });
}

describe.each(kinds)('%s: npm run backup, then npm run restore', (kind) => {
  let t: TestApp;
  let fixture: Fixture;
  let backupDir: string;
  let env: Record<string, string>;
  const run = `bk${Date.now().toString(36)}`;
  const random = seeded(11);
  let next = 0;
  const submit = async (count: number): Promise<Submission[]> => {
    const made: Submission[] = [];
    for (let i = 0; i < count; i++) {
      const s = submission(fixture, run, next++, random);
      const reply = await sendSubmission(injectTransport(t), s);
      if (reply.status === 201) made.push(s);
    }
    return made;
  };

  beforeAll(async () => {
    t = await build(kind, { accounts: false });
    await seedIfEmpty(t.app.db, t.config);
    fixture = await prepare(injectTransport(t), { adminPassword: ADMIN.password, enterprises: 2, users: 3 });
    backupDir = mkdtempSync(path.join(tmpdir(), 'ys-backups-'));
    env = { DATA_DIR: t.config.dataDir, BACKUP_DIR: backupDir, ...(t.config.databaseUrl ? { DATABASE_URL: t.config.databaseUrl } : {}) };
  });
  afterAll(async () => {
    await t.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('brings back exactly the data of the backup, and the API works on it', async () => {
    const before = await submit(9);
    // Online: the server (this app) keeps its database open and keeps writing.
    const [backup] = await Promise.all([scriptAsync('backup', env), submit(3)]);
    expect(backup.out).toMatch(/备份完成：/);
    expect(backup.status).toBe(0);
    const file = path.join(backupDir, readdirSync(backupDir).find((f) => /\.(db|dump)$/.test(f))!);
    const atBackup = new Set((await inspect(t.app.db, run)).byMarker.keys());
    expect(atBackup.size).toBeGreaterThanOrEqual(before.length);

    const later = await submit(6);
    expect(later.length).toBeGreaterThan(0);
    await t.app.close(); // the server is stopped for the restore

    const restored = script('restore', env, [file]);
    expect(restored.out).toMatch(/恢复完成：/);
    expect(restored.status).toBe(0);

    const app = await buildApp(t.config, { logStream: new Writable({ write: (_c, _e, done) => done() }) });
    try {
      const found = await inspect(app.db, run);
      // Everything written before the backup started is back; what came after it is gone.
      for (const s of before) expect(found.byMarker.get(s.marker)?.ids).toHaveLength(1);
      for (const s of later) expect(found.byMarker.has(s.marker)).toBe(false);
      // Writes made while the backup ran may be in it or not, but nothing from after it ended.
      expect([...found.byMarker.keys()].filter((m) => !atBackup.has(m))).toEqual([]);
      expect(found.problems).toEqual([]);

      // Sessions come back with the data: the same users carry on through the API.
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${fixture.users[0].token}` } });
      expect(me.statusCode).toBe(200);
      const s = submission(fixture, run, next++, random);
      const reply = await app.inject({ method: 'POST', url: s.path, headers: { authorization: `Bearer ${s.token}`, 'idempotency-key': s.key }, payload: s.body });
      expect([201, 409]).toContain(reply.statusCode);
      if (reply.statusCode === 409) expect(reply.json().error.code).toBe('SLOT_FULL');
    } finally {
      await app.close();
    }
  });
});

describe('sqlite restore refuses to harm a live or broken database', () => {
  let t: TestApp;
  let backupDir: string;
  beforeAll(async () => {
    t = await build('sqlite');
    backupDir = mkdtempSync(path.join(tmpdir(), 'ys-backups-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('does not overwrite the database while the server has it open', () => {
    const env = { DATA_DIR: t.config.dataDir, BACKUP_DIR: backupDir };
    expect(script('backup', env).status).toBe(0);
    const file = path.join(backupDir, readdirSync(backupDir)[0]);
    const r = script('restore', env, [file]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/服务器仍在使用数据库.*请先停止服务器再恢复/);
  });

  it('rejects a file that is not a database backup, changing nothing', () => {
    const r = script('restore', { DATA_DIR: t.config.dataDir, BACKUP_DIR: backupDir }, [path.join(ROOT, 'package.json')]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/不是 SQLite 数据库备份/);
  });
});
