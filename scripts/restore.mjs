#!/usr/bin/env node
// `npm run restore -- <file>`: puts a backup made by `npm run backup` back.
//   SQLite: only while the server is stopped. The backup is checked (PRAGMA integrity_check) first,
//   the current database is kept as backups/before-restore-<timestamp>.db, then the file is copied in.
//   PostgreSQL (DATABASE_URL set): pg_restore --clean in one transaction into DATABASE_URL; stop the
//   server first so no request sees the tables half replaced.
// A backup from an older release is fine: the server migrates it forward when it starts.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { integrityCheck, postgresConnection, runTool, settings } from './backup.mjs';

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** Processes with the database (or its WAL) open, from /proc on Linux; [] where /proc is absent. */
function processesHolding(file) {
  const wanted = new Set([file, `${file}-wal`, `${file}-shm`]);
  const holders = [];
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  } catch {
    return holders;
  }
  for (const pid of pids) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          holders.push(Number(pid));
          break;
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return holders;
}

function looksLikeOurDatabase(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select count(*) as n from sqlite_master where type = 'table' and name in ('kysely_migration', 'users')").get().n === 2;
  } finally {
    db.close();
  }
}

function checkBackup(file) {
  try {
    return integrityCheck(file);
  } catch {
    throw new Error('该文件不是 SQLite 数据库备份（PostgreSQL 的 .dump 备份请设置 DATABASE_URL 后恢复），未做任何改动');
  }
}

async function restoreSqlite(file, { sqlitePath, backupDir }) {
  const check = checkBackup(file);
  if (check !== 'ok') throw new Error(`备份文件已损坏（integrity_check: ${check}），未做任何改动`);
  if (!looksLikeOurDatabase(file)) throw new Error('该文件不是营商通的数据库备份，未做任何改动');
  const holders = processesHolding(sqlitePath);
  if (holders.length > 0) throw new Error(`服务器仍在使用数据库（进程 ${holders.join('、')}），请先停止服务器再恢复`);

  mkdirSync(path.dirname(sqlitePath), { recursive: true });
  if (existsSync(sqlitePath)) {
    // Keep what is being replaced: the backup API also takes what is still only in the WAL.
    mkdirSync(backupDir, { recursive: true });
    const safety = path.join(backupDir, `before-restore-${stamp()}.db`);
    const live = new Database(sqlitePath, { fileMustExist: true });
    try {
      await live.backup(safety);
      live.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      live.close();
    }
    console.log(`当前数据库已另存为：${safety}`);
  }
  // Copy beside the target, then rename: the database is the old one or the new one, never half of each.
  const incoming = `${sqlitePath}.restoring`;
  copyFileSync(file, incoming);
  // A WAL left from the old database would be replayed onto the restored one.
  rmSync(`${sqlitePath}-wal`, { force: true });
  rmSync(`${sqlitePath}-shm`, { force: true });
  renameSync(incoming, sqlitePath);
  const after = integrityCheck(sqlitePath);
  if (after !== 'ok') throw new Error(`恢复后的数据库校验失败（integrity_check: ${after}）`);
}

function restorePostgres(file, { databaseUrl }) {
  const { env, dbname } = postgresConnection(databaseUrl);
  runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`, file], env);
}

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('请指定备份文件：npm run restore -- backups/<时间>.db');
  const source = path.resolve(file);
  if (!existsSync(source)) throw new Error(`未找到备份文件 ${source}`);
  const s = settings();
  if (s.databaseUrl) restorePostgres(source, s);
  else await restoreSqlite(source, s);
  console.log(`恢复完成：${source} → ${s.databaseUrl ? 'PostgreSQL（DATABASE_URL）' : s.sqlitePath}`);
}

main().catch((err) => {
  console.error(`恢复失败：${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
