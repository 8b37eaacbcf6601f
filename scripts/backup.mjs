#!/usr/bin/env node
// `npm run backup`: a consistent copy of the database while the server keeps running.
//   SQLite (default): SQLite's online backup API into backups/<timestamp>.db, then checked with
//   PRAGMA integrity_check. PostgreSQL (DATABASE_URL set): pg_dump --format=custom into
//   backups/<timestamp>.dump. BACKUP_DIR changes the folder; DATA_DIR is read as the server reads it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

/** The server's file name in DATA_DIR (server/plugins/db.ts SQLITE_FILE). */
export const SQLITE_FILE = 'yingshangtong.db';

export function settings(env = process.env) {
  const databaseUrl = env.DATABASE_URL || null;
  return {
    databaseUrl,
    sqlitePath: path.join(path.resolve(env.DATA_DIR || 'data'), SQLITE_FILE),
    backupDir: path.resolve(env.BACKUP_DIR || 'backups'),
  };
}

/**
 * pg_dump / pg_restore arguments and environment for a postgres:// URL. The password goes in
 * PGPASSWORD, not on the command line, where every user of the machine could read it (ps).
 */
export function postgresConnection(databaseUrl) {
  const url = new URL(databaseUrl);
  const env = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = '';
  return { env, dbname: url.toString() };
}

/** Throws with the tool's own message when it fails (missing binary, refused connection, …). */
export function runTool(command, args, env) {
  const r = spawnSync(command, args, { env, encoding: 'utf8' });
  if (r.error) throw new Error(r.error.code === 'ENOENT' ? `未找到 ${command}，请安装 PostgreSQL 客户端工具` : r.error.message);
  if (r.status !== 0) throw new Error(`${command} 失败：${(r.stderr || '').trim()}`);
  return r;
}

export function integrityCheck(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const megabytes = (file) => `${(statSync(file).size / 1024 / 1024).toFixed(2)} MB`;

async function backupSqlite({ sqlitePath, backupDir }) {
  if (!existsSync(sqlitePath)) throw new Error(`未找到数据库文件 ${sqlitePath}（请检查 DATA_DIR）`);
  const target = path.join(backupDir, `${stamp()}.db`);
  const db = new Database(sqlitePath, { fileMustExist: true });
  try {
    // Readers and writers keep working while pages are copied; pages they change are copied again.
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
  const check = integrityCheck(target);
  if (check !== 'ok') throw new Error(`备份文件校验失败（integrity_check: ${check}）：${target}`);
  return target;
}

function backupPostgres({ databaseUrl, backupDir }) {
  const target = path.join(backupDir, `${stamp()}.dump`);
  const { env, dbname } = postgresConnection(databaseUrl);
  runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, `--dbname=${dbname}`], env);
  return target;
}

async function main() {
  const s = settings();
  mkdirSync(s.backupDir, { recursive: true });
  const target = s.databaseUrl ? backupPostgres(s) : await backupSqlite(s);
  console.log(`备份完成：${target}（${megabytes(target)}）`);
  console.log(`恢复：npm run restore -- ${path.relative(process.cwd(), target)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(`备份失败：${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
