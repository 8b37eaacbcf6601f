/**
 * One run of the reminder-letter job against the configured database:
 *   npx tsx server/jobs/reminders-cli.ts   (or npm run reminders)
 */
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { runReminders } from './reminders';

async function main(): Promise<void> {
  const app = await buildApp(loadConfig());
  try {
    const run = await runReminders(app);
    await app.notifications.idle();
    const items = run.created.reduce((n, c) => n + c.items, 0);
    process.stdout.write(`${run.period}：生成工作提醒函 ${run.created.length} 份（共 ${items} 项），今日已发过而跳过 ${run.skippedDepartments.length} 个部门\n`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`工作提醒函生成失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
