import { buildApp } from './app';
import { ConfigError, DEMO_STAFF_PASSWORD, loadConfig, type AppConfig } from './config';
import { runReminders } from './jobs/reminders';
import { ADMIN_USERNAME, seedIfEmpty } from './seed';
import { staff } from './seed/data/staff';
import { startWeChatStandIn, type WeChatStandIn } from './wechat/stand-in';

function readConfig(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

function printBanner(config: AppConfig, url: string, standIn: WeChatStandIn | null): void {
  const lines = [`营商通已启动：${url}`, `工作人员入口：${url}/#/staff/pages/login/index`, `接口文档：${url}/api/docs`];
  if (standIn) lines.push(`微信接口替身：${standIn.url}`);
  if (config.demo) {
    const adminPassword = config.adminPasswordIsDefault ? config.adminPassword : '（ADMIN_PASSWORD 所设密码）';
    // One account per kind of work, so a tester can walk every flow.
    const examples = ['rsj', 'zwfw', 'visitor1'].flatMap((username) => staff.filter((s) => s.username === username));
    lines.push(
      '演示登录：',
      `  营商办管理员 ${ADMIN_USERNAME} / ${adminPassword}`,
      ...examples.map((s) => `  ${s.role === 'visitor' ? '走访人员' : s.department} ${s.username} / ${DEMO_STAFF_PASSWORD}（${s.displayName}）`),
      '  企业用户 在“我的”页输入任意测试 openid；demo-owner-1 已绑定茗溪云峰茶业有限公司（有递送、留言、待确认的公示与整改），新的 openid 从绑定企业开始',
    );
  }
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  let config = readConfig();
  let standIn: WeChatStandIn | null = null;
  if (config.demo && !config.wechatApiBase) {
    standIn = await startWeChatStandIn({ host: '127.0.0.1', port: 0 });
    config = { ...config, wechatApiBase: standIn.url };
  }

  const app = await buildApp(config);
  const seeded = await seedIfEmpty(app.db, config);
  if (seeded.seeded) {
    app.log.info({ ...seeded }, 'demo data seeded');
  }

  // Overdue tickets and unanswered messages become reminder letters hourly; runReminders is
  // idempotent per department per day, so several instances or a restart do no harm.
  const reminderTimer = setInterval(() => {
    runReminders(app).catch((err: unknown) => app.log.error({ err }, 'reminder letters failed'));
  }, 3_600_000);
  reminderTimer.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(reminderTimer);
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    try {
      await app.close(); // stops accepting, drains requests, closes the DB pool (onClose)
      await standIn?.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  printBanner(config, `http://${shownHost}:${port}`, standIn);
}

main().catch((err: unknown) => {
  console.error('启动失败：', err instanceof Error ? err.message : err);
  process.exit(1);
});
