/**
 * Crash safety at full size (issue 6): 1,000 submissions (ratings, delivery bookings, messages) with
 * Idempotency-Keys fired at the real server process, which is killed with SIGKILL mid-stream, restarted,
 * and sent again everything it did not answer. Prints fired / acknowledged / found after restart /
 * duplicates, on SQLite and (with DATABASE_URL or TEST_DATABASE_URL) on PostgreSQL. Exits 1 on any loss,
 * duplicate, half-written record or overbooked slot.
 *
 *   node --import tsx bench/crash.ts [submissions]      (npm run bench -- crash)
 */
import { describeFigures, runCrashScenario, type CrashFigures } from '../test/server/reliability/crash-scenario';
import { summarize } from './summary';

function healthy(f: CrashFigures): boolean {
  return (
    f.missing === 0 &&
    f.duplicates === 0 &&
    f.wrongId === 0 &&
    f.stuck === 0 &&
    f.replayMismatches === 0 &&
    f.overbookedSlots === 0 &&
    f.serverErrors === 0 &&
    f.problems.length === 0 &&
    f.unexpected.length === 0 &&
    f.foundAfterRestart === f.created
  );
}

async function main(): Promise<void> {
  const submissions = Number(process.argv[2] ?? 1000);
  const adminUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const kinds: ('sqlite' | 'postgres')[] = adminUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  if (!adminUrl) console.log('未设置 DATABASE_URL / TEST_DATABASE_URL，仅测试 SQLite。');
  let ok = true;
  for (const kind of kinds) {
    const figures = await runCrashScenario({ kind, submissions, adminUrl, slotCapacity: 12, log: (line) => console.log(line) });
    console.log(describeFigures(figures));
    for (const line of [...figures.problems, ...figures.unexpected].slice(0, 20)) console.log(`  ! ${line}`);
    ok = ok && healthy(figures);
    summarize({
      item: `kill -9 后提交（${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}，${submissions} 份）`,
      figure: `重复 ${figures.duplicates}，丢失 ${figures.missing}，半写 ${figures.problems.length}`,
      target: '0 重复、0 丢失',
      met: healthy(figures),
    });
  }
  console.log(ok ? 'crash safety: OK' : 'crash safety: FAILED');
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
