import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where every server log line of the test run goes: the in-process apps of the API tests
 * (test/server/helper.ts) and what server processes printed (reliability, scale and browser tests).
 * `npm test` scans the folder afterwards for phone numbers, openids, tokens and addresses
 * (scripts/scan-server-logs.mjs).
 */
export const SERVER_LOG_DIR = path.resolve(process.env.SERVER_LOG_DIR ?? path.join(__dirname, '../test-results/server-logs'));

/** Keeps a server process's output for the scan, in a file of its own. */
export function keepServerOutput(kind: string, output: string): void {
  // Every time: a run that starts meanwhile clears the folder (scripts/test.mjs).
  mkdirSync(SERVER_LOG_DIR, { recursive: true });
  writeFileSync(path.join(SERVER_LOG_DIR, `${kind}-${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}.log`), output);
}
