import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Moves SQLite's WAL checkpoints off the request path. By default the commit that takes the WAL
 * past 1,000 pages copies them into the database file and fsyncs it, on the event loop: in
 * bench/server.ts that made COMMIT the dearest statement of a submission. Here a worker thread, on
 * its own connection, checkpoints passively (never waiting for, nor blocking, the writer) a few
 * times a second; pages written many times between two checkpoints are copied once.
 *
 * The connection keeps a high automatic threshold as a backstop, so the WAL stays bounded even if
 * the worker stalls. Durability is unchanged: a commit is in the WAL before it is answered.
 */
export const BACKSTOP_PAGES = 16_000;
const INTERVAL_MS = 250;

// Plain CommonJS run by the worker (eval: no TypeScript loader there).
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 1000 });
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: next tick */ } };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.postMessage('closed'); });
`;

export interface Checkpointer {
  /** Stops the worker and closes its connection; call before closing the main connection. */
  stop(): Promise<void>;
}

export function startCheckpointer(file: string): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: createRequire(__filename).resolve('better-sqlite3'), intervalMs: INTERVAL_MS } });
  // It must never keep the process alive, nor take it down.
  worker.unref();
  worker.on('error', () => undefined);
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = () => void worker.terminate().finally(resolve);
        worker.once('message', done);
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
        setTimeout(done, 1000).unref();
      });
      return stopped;
    },
  };
}
