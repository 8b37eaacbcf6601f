import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createDatabase } from '../../../server/plugins/db';
import { scratchPostgres, type ScratchPostgres } from '../scratch-postgres';
import { inspect } from './integrity';
import { ADMIN_PASSWORD, freePort, httpTransport, startServer } from './server-process';
import {
  ACCEPTABLE_REFUSALS,
  createdId,
  errorCode,
  isAcknowledged,
  prepare,
  seeded,
  sendSubmission,
  submission,
  type Reply,
  type Submission,
  type Transport,
} from './workload';

/**
 * Crash safety, end to end: a client fires submissions with Idempotency-Keys at the real server
 * process, the server is killed with SIGKILL mid-stream, restarted on the same database, and the
 * client retries everything it got no answer for (same key, same body). Then the database is read.
 */

export interface CrashOptions {
  kind: 'sqlite' | 'postgres';
  submissions: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Kill the server once this many submissions are acknowledged (default: 40 %). */
  crashAfter?: number;
  /** Places per delivery slot: small enough that some bookings are refused with SLOT_FULL. */
  slotCapacity?: number;
  /** PostgreSQL server to create the scratch database on. */
  adminUrl?: string;
  seed?: number;
  log?: (line: string) => void;
}

export interface CrashFigures {
  db: string;
  fired: number;
  firedBeforeCrash: number;
  acknowledgedBeforeCrash: number;
  /** Fired before the crash without an answer: the client cannot know whether they were written. */
  unansweredAtCrash: number;
  /** Of those, how many the restarted server answered from its record (committed, answer lost). */
  replayedAfterRestart: number;
  acknowledged: number;
  created: number;
  refused: number;
  /** Created (201) submissions whose record is in the database, once, with the acknowledged id. */
  foundAfterRestart: number;
  missing: number;
  duplicates: number;
  wrongId: number;
  /** Never acknowledged even after the retries (e.g. 409 IDEMPOTENCY_IN_FLIGHT forever). */
  stuck: number;
  /** Acknowledged before the crash, sent again after it: answers that differ from the first. */
  replayMismatches: number;
  overbookedSlots: number;
  serverErrors: number;
  unexpected: string[];
  problems: string[];
  records: { ratings: number; tickets: number; deliveries: number; threads: number };
  seconds: number;
}

interface State {
  s: Submission;
  firedBeforeCrash: boolean;
  reply?: Reply;
  ackedBeforeCrash: boolean;
}

async function pool<T>(items: readonly T[], concurrency: number, each: (item: T) => Promise<void>, stop = () => false): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!stop() && next < items.length) await each(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function retryUntilAcknowledged(send: Transport, s: Submission, counters: { serverErrors: number }): Promise<Reply | undefined> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      const reply = await sendSubmission(send, s);
      if (reply.status >= 500) counters.serverErrors++;
      if (isAcknowledged(reply)) return reply;
    } catch {
      // connection refused or dropped: try again
    }
    await pause(250);
  }
  return undefined;
}

export async function runCrashScenario(opts: CrashOptions): Promise<CrashFigures> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const concurrency = opts.concurrency ?? 16;
  const crashAfter = opts.crashAfter ?? Math.floor(opts.submissions * 0.4);
  const run = `c${Date.now().toString(36)}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ys-crash-'));
  let pg: ScratchPostgres | null = null;
  if (opts.kind === 'postgres') {
    if (!opts.adminUrl) throw new Error('postgres crash run needs adminUrl');
    pg = await scratchPostgres(opts.adminUrl, 'ys_crash');
  }
  const serverOpts = { dataDir, databaseUrl: pg?.url, port: await freePort(), env: { DELIVERY_SLOT_CAPACITY: String(opts.slotCapacity ?? 4) } };
  const counters = { serverErrors: 0 };
  const unexpected: string[] = [];

  try {
    let server = await startServer(serverOpts);
    let send = httpTransport(server.url);
    const fixture = await prepare(send, { adminPassword: ADMIN_PASSWORD, enterprises: 6, users: 12 });
    const random = seeded(opts.seed ?? 20260930);
    const states: State[] = Array.from({ length: opts.submissions }, (_, i) => ({ s: submission(fixture, run, i, random), firedBeforeCrash: false, ackedBeforeCrash: false }));
    log(`${opts.kind}: ${states.length} submissions, crash after ${crashAfter} acknowledgements`);

    // Phase 1: fire until the crash.
    let acked = 0;
    let crashing = false;
    await pool(
      states,
      concurrency,
      async (st) => {
        st.firedBeforeCrash = true;
        try {
          const reply = await sendSubmission(send, st.s);
          if (reply.status >= 500) counters.serverErrors++;
          if (isAcknowledged(reply)) {
            st.reply = reply;
            st.ackedBeforeCrash = true;
            acked++;
          }
        } catch {
          // the server died under this request
        }
        if (acked >= crashAfter && !crashing) {
          crashing = true;
          await server.crash();
        }
      },
      () => crashing,
    );
    if (!crashing) await server.crash();
    send.close();
    const firedBeforeCrash = states.filter((st) => st.firedBeforeCrash).length;
    const unanswered = states.filter((st) => st.firedBeforeCrash && !st.reply);
    log(`${opts.kind}: killed with ${acked} acknowledged, ${unanswered.length} fired without an answer`);

    // Phase 2: restart on the same database; retry what has no answer, fire what was never sent.
    server = await startServer(serverOpts);
    send = httpTransport(server.url);
    const pending = states.filter((st) => !st.reply);
    await pool(pending, concurrency, async (st) => {
      st.reply = await retryUntilAcknowledged(send, st.s, counters);
    });
    const replayedAfterRestart = unanswered.filter((st) => st.reply?.replayed).length;

    // A retry of something already acknowledged must get the very same answer back.
    let replayMismatches = 0;
    const acknowledgedCreated = states.filter((st) => st.ackedBeforeCrash && st.reply?.status === 201);
    await pool(acknowledgedCreated, concurrency, async (st) => {
      const again = await retryUntilAcknowledged(send, st.s, counters);
      if (!again || again.status !== st.reply!.status || !again.replayed || !isDeepStrictEqual(again.body, st.reply!.body)) replayMismatches++;
    });
    send.close();
    await server.stop();

    const { db } = createDatabase({ databaseUrl: pg?.url ?? null, dataDir });
    const found = await inspect(db, run).finally(() => db.destroy());

    let created = 0;
    let refused = 0;
    let foundAfterRestart = 0;
    let missing = 0;
    let wrongId = 0;
    for (const st of states) {
      const records = found.byMarker.get(st.s.marker)?.ids ?? [];
      if (!st.reply) continue;
      const id = createdId(st.reply);
      if (id !== null) {
        created++;
        if (records.length === 0) missing++;
        else if (records.length === 1 && records[0] !== id) wrongId++;
        else if (records.length === 1) foundAfterRestart++;
      } else {
        refused++;
        const code = errorCode(st.reply);
        if (!code || !ACCEPTABLE_REFUSALS[st.s.kind].includes(code)) unexpected.push(`${st.s.kind} #${st.s.index}: HTTP ${st.reply.status} ${JSON.stringify(st.reply.body)}`);
        if (records.length > 0) unexpected.push(`${st.s.kind} #${st.s.index} refused (${code}) but written`);
      }
    }
    const duplicates = [...found.byMarker.values()].filter((f) => f.ids.length > 1).length;

    return {
      db: opts.kind,
      fired: states.length,
      firedBeforeCrash,
      acknowledgedBeforeCrash: states.filter((st) => st.ackedBeforeCrash).length,
      unansweredAtCrash: unanswered.length,
      replayedAfterRestart,
      acknowledged: states.filter((st) => st.reply).length,
      created,
      refused,
      foundAfterRestart,
      missing,
      duplicates,
      wrongId,
      stuck: states.filter((st) => !st.reply).length,
      replayMismatches,
      overbookedSlots: found.overbookedSlots,
      serverErrors: counters.serverErrors,
      unexpected,
      problems: found.problems,
      records: { ratings: found.counts.ratings, tickets: found.counts.tickets, deliveries: found.counts.deliveries, threads: found.counts.threads },
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await pg?.drop();
  }
}

export function describeFigures(f: CrashFigures): string {
  return [
    `[${f.db}] fired ${f.fired} (${f.firedBeforeCrash} before the kill -9), acknowledged before the crash ${f.acknowledgedBeforeCrash}, unanswered at the crash ${f.unansweredAtCrash} (${f.replayedAfterRestart} of them had committed: answered from the record on retry)`,
    `[${f.db}] acknowledged in the end ${f.acknowledged}: created ${f.created}, refused ${f.refused} (slot full); found after restart ${f.foundAfterRestart}, missing ${f.missing}, duplicates ${f.duplicates}, wrong id ${f.wrongId}, stuck ${f.stuck}`,
    `[${f.db}] replays that differ ${f.replayMismatches}, overbooked slots ${f.overbookedSlots}, 5xx ${f.serverErrors}, half-written/inconsistent ${f.problems.length}, unexpected answers ${f.unexpected.length}`,
    `[${f.db}] records: ${f.records.ratings} ratings (${f.records.tickets} tickets), ${f.records.deliveries} bookings, ${f.records.threads} message threads; ${f.seconds} s`,
  ].join('\n');
}
