/**
 * DATA_KEY rotation: re-encrypts every sealed column (phone numbers, addresses) from the previous
 * key to the current one. Run by scripts/rotate-key.mjs; README.md「更换数据密钥」gives the steps.
 */
import type { Kysely } from 'kysely';
import { parseKey } from '../config';
import type { Database } from '../db/schema';
import { decryptWith, encrypt } from '../lib/secrets';
import { createDatabase } from '../plugins/db';
import { SEALED_COLUMNS, sealedDataRepository, type SealedColumn } from '../repositories/sealed-data';

export interface RotationCounts {
  /** e.g. `users.phone_enc`. */
  column: string;
  /** Already under the current key (new rows, or a rotation run before). */
  current: number;
  /** Re-encrypted by this run (with `check`: still to do). */
  rotated: number;
  /** Opens with neither key: a third key was in use, or the data is damaged. */
  unreadable: number;
}

export interface RotationKeys {
  current: Buffer;
  previous: Buffer | null;
}

const BATCH = 500;

async function rotateColumn(db: Kysely<Database>, where: SealedColumn, keys: RotationKeys, check: boolean): Promise<RotationCounts> {
  const counts: RotationCounts = { column: `${where.table}.${where.column}`, current: 0, rotated: 0, unreadable: 0 };
  const reader = sealedDataRepository(db);
  for (let after = 0; ; ) {
    const rows = await reader.batch(where, after, BATCH);
    if (rows.length === 0) return counts;
    after = rows[rows.length - 1]!.id;
    // One transaction per batch: a crash loses at most a batch of progress, never a row's data.
    await db.transaction().execute(async (trx) => {
      const writer = sealedDataRepository(trx);
      for (const row of rows) {
        if (decryptWith(row.value, keys.current) !== null) {
          counts.current++;
          continue;
        }
        // Without the previous key a check can only say "not under the new key yet".
        if (check && !keys.previous) {
          counts.rotated++;
          continue;
        }
        const plain = keys.previous ? decryptWith(row.value, keys.previous) : null;
        if (plain === null) counts.unreadable++;
        else if (check) counts.rotated++;
        // A row the server rewrote meanwhile is already under the current key.
        else if (await writer.replace(where, row.id, row.value, encrypt(plain, keys.current))) counts.rotated++;
        else counts.current++;
      }
    });
  }
}

/** Re-encrypts every sealed column from `previous` to `current`; with `check`, only counts. */
export async function rotateDataKey(db: Kysely<Database>, keys: RotationKeys, check = false): Promise<RotationCounts[]> {
  const results: RotationCounts[] = [];
  for (const where of SEALED_COLUMNS) results.push(await rotateColumn(db, where, keys, check));
  return results;
}

/** The command line: DATA_KEY (new), DATA_KEY_PREVIOUS (old), DATABASE_URL or DATA_DIR; `--check` only counts. */
export async function main(argv: string[], env: Record<string, string | undefined>, out: (line: string) => void): Promise<number> {
  const check = argv.includes('--check');
  const current = env.DATA_KEY ? parseKey(env.DATA_KEY) : null;
  const previous = env.DATA_KEY_PREVIOUS ? parseKey(env.DATA_KEY_PREVIOUS) : null;
  if (!current) {
    out('DATA_KEY：请设置新的32字节密钥（64位十六进制或 base64）');
    return 2;
  }
  if (!check && !previous) {
    out('DATA_KEY_PREVIOUS：请设置轮换前的密钥（仅检查可加 --check）');
    return 2;
  }
  const { db } = createDatabase({ databaseUrl: env.DATABASE_URL || null, dataDir: env.DATA_DIR || 'data' });
  try {
    const results = await rotateDataKey(db, { current, previous }, check);
    for (const r of results) {
      out(`${r.column}：已是新密钥 ${r.current}，${check ? '待轮换' : '本次重新加密'} ${r.rotated}，无法解密 ${r.unreadable}`);
    }
    const unreadable = results.reduce((n, r) => n + r.unreadable, 0);
    const pending = check ? results.reduce((n, r) => n + r.rotated, 0) : 0;
    if (unreadable > 0) out(`有 ${unreadable} 条数据两个密钥都无法解密，请勿移除 DATA_KEY_PREVIOUS，先排查`);
    else if (pending > 0) out(`还有 ${pending} 条数据使用旧密钥，请运行 node scripts/rotate-key.mjs`);
    else out('全部数据已使用新密钥，可以移除 DATA_KEY_PREVIOUS 并重启服务');
    return unreadable > 0 || pending > 0 ? 1 : 0;
  } finally {
    await db.destroy();
  }
}
