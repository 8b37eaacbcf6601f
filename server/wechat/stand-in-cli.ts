/**
 * Runs the WeChat stand-in as its own process: `npx tsx server/wechat/stand-in-cli.ts`.
 * WECHAT_STANDIN_PORT (default 8081), WECHAT_STANDIN_HOST (default 127.0.0.1);
 * WECHAT_APPID / WECHAT_SECRET, when set, are the only credentials it accepts.
 */
import { startWeChatStandIn } from './stand-in';

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8081;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`WECHAT_STANDIN_PORT 应为 0–65535 之间的整数，当前为“${raw}”`);
  }
  return port;
}

async function main(): Promise<void> {
  const standIn = await startWeChatStandIn({
    host: process.env.WECHAT_STANDIN_HOST || '127.0.0.1',
    port: readPort(process.env.WECHAT_STANDIN_PORT),
    appId: process.env.WECHAT_APPID || undefined,
    secret: process.env.WECHAT_SECRET || undefined,
  });
  console.log(`微信接口替身已启动：${standIn.url}`);
  console.log('登录 code 形如 mock:<openid>（每个只能用一次），手机号 code 形如 mock-phone:13800001234');
  console.log('小程序码（getwxacodeunlimit）以普通二维码 PNG 返回，内容为 <page>?scene=<scene>');

  const stop = (): void => {
    standIn.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`微信接口替身启动失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
