import { databases } from '../helper';
import { describeFigures, runCrashScenario } from './crash-scenario';

// Two real server starts (tsx compiles the server each time) and a few hundred requests per database.
jest.setTimeout(300_000);

/**
 * kill -9 of the real server process in the middle of a stream of submissions, then a restart and the
 * client's retries. The full size (1,000 submissions) runs from bench/crash.ts; CI runs 200 per database.
 */
describe.each(databases())('%s: kill -9 mid-stream, restart, retry', (kind) => {
  it('keeps every acknowledged submission exactly once, nothing half written, no slot overbooked', async () => {
    const f = await runCrashScenario({ kind, submissions: 200, slotCapacity: 3, adminUrl: process.env.TEST_DATABASE_URL });
    console.log(describeFigures(f));

    // The crash really fell mid-stream: some was acknowledged before it, and work was left for after the restart.
    expect(f.acknowledgedBeforeCrash).toBeGreaterThan(0);
    expect(f.firedBeforeCrash).toBeLessThan(f.fired);

    expect(f.stuck).toBe(0); // no key left "in flight" forever by the crash
    expect(f.acknowledged).toBe(f.fired);
    expect(f.unexpected).toEqual([]);
    expect(f.serverErrors).toBe(0);
    expect(f.foundAfterRestart).toBe(f.created);
    expect({ missing: f.missing, duplicates: f.duplicates, wrongId: f.wrongId, replayMismatches: f.replayMismatches }).toEqual({
      missing: 0,
      duplicates: 0,
      wrongId: 0,
      replayMismatches: 0,
    });
    expect(f.problems).toEqual([]);
    expect(f.overbookedSlots).toBe(0);
    // Slots are small on purpose: some bookings were refused, so the capacity check was exercised.
    expect(f.refused).toBeGreaterThan(0);
  });
});
