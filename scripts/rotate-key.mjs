#!/usr/bin/env node
// Re-encrypts phone numbers and addresses from the previous DATA_KEY to the new one.
//   DATA_KEY=<new> DATA_KEY_PREVIOUS=<old> [DATABASE_URL=postgres://… | DATA_DIR=./data] node scripts/rotate-key.mjs
//   … node scripts/rotate-key.mjs --check    counts rows still under the old key, changes nothing
// Safe while the servers run (they must already have both keys) and safe to run again.
// Exit code: 0 all rows under the new key, 1 rows left or unreadable, 2 bad arguments.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../server/jobs/rotate-key.ts', import.meta.url);
try {
  process.exitCode = await main(process.argv.slice(2), process.env, (line) => console.log(line));
} catch (err) {
  console.error(`密钥轮换失败：${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
