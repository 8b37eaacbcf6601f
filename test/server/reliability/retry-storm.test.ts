import { isDeepStrictEqual } from 'node:util';
import { seedIfEmpty } from '../../../server/seed';
import { ADMIN, build, databases, type TestApp } from '../helper';
import { injectTransport } from './inject-transport';
import { inspect } from './integrity';
import { createdId, errorCode, prepare, seeded, sendSubmission, submission, type Fixture, type Reply, type Submission, type Transport } from './workload';

// A seeded database (password hashing) and, on PostgreSQL, a database created per file.
jest.setTimeout(120_000);

const STORM = 20;

describe.each(databases())('%s: one submission sent 20 times at once with one Idempotency-Key', (kind) => {
  let t: TestApp;
  let send: Transport;
  let fixture: Fixture;
  const run = `storm${Date.now().toString(36)}`;
  const random = seeded(7);
  let next = 0;
  const fresh = (k: Submission['kind']): Submission => {
    for (;;) {
      const s = submission(fixture, run, next++, random);
      if (s.kind === k) return s;
    }
  };

  beforeAll(async () => {
    t = await build(kind, { accounts: false });
    await seedIfEmpty(t.app.db, t.config);
    send = injectTransport(t);
    fixture = await prepare(send, { adminPassword: ADMIN.password, enterprises: 2, users: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  const storm = (s: Submission) => Promise.all(Array.from({ length: STORM }, () => sendSubmission(send, s)));

  /** Every answer is the one stored answer, or "still in flight"; exactly one record exists. */
  async function expectOneRecord(s: Submission, replies: Reply[]) {
    const created = replies.filter((r) => r.status === 201);
    const others = replies.filter((r) => r.status !== 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(others.map((r) => `${r.status} ${errorCode(r)}`)).toEqual(others.map(() => '409 IDEMPOTENCY_IN_FLIGHT'));
    for (const r of created) expect(r.body).toEqual(created[0].body);
    // The first to finish did the work; every other 201 is a replay of it.
    expect(created.filter((r) => !r.replayed)).toHaveLength(1);

    const found = (await inspect(t.app.db, run)).byMarker.get(s.marker);
    expect(found?.ids).toEqual([createdId(created[0])]);

    // Once the storm is over, the key answers with the stored response.
    const after = await sendSubmission(send, s);
    expect(after.replayed).toBe(true);
    expect(isDeepStrictEqual(after.body, created[0].body)).toBe(true);
  }

  it.each(['rating', 'booking', 'message'] as const)('%s: one record, every answer the stored one or 409 IDEMPOTENCY_IN_FLIGHT', async (k) => {
    const s = fresh(k);
    await expectOneRecord(s, await storm(s));
  });

  it('holds with three storms at once (60 concurrent requests), and leaves nothing half written', async () => {
    const subs = [fresh('rating'), fresh('booking'), fresh('message')];
    const replies = await Promise.all(subs.map(storm));
    for (const [i, s] of subs.entries()) await expectOneRecord(s, replies[i]);
    const { problems, overbookedSlots } = await inspect(t.app.db, run);
    expect(problems).toEqual([]);
    expect(overbookedSlots).toBe(0);
  });

  it('refuses the same key with a different body during and after a storm (never a second record)', async () => {
    const s = fresh('message');
    // Changed before the marker, which ends the body: whichever body wins, its record is found by the marker.
    const altered = { ...s, body: { ...s.body, body: `补充：${String(s.body.body)}` } };
    const replies = await Promise.all([...Array.from({ length: 10 }, () => sendSubmission(send, s)), ...Array.from({ length: 10 }, () => sendSubmission(send, altered))]);
    for (const r of replies) expect([201, 409, 422]).toContain(r.status);
    // Either body may have won the race; after it, the key replays the winner and refuses the other.
    const after = [await sendSubmission(send, s), await sendSubmission(send, altered)];
    expect(after.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(after.find((r) => r.status === 201)?.replayed).toBe(true);
    expect(errorCode(after.find((r) => r.status === 422)!)).toBe('IDEMPOTENCY_KEY_REUSED');
    const found = await inspect(t.app.db, run);
    const threads = [...found.byMarker.entries()].filter(([m]) => m === s.marker).flatMap(([, f]) => f.ids);
    expect(threads).toHaveLength(1);
  });
});
