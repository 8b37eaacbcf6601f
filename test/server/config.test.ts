import { ConfigError, DEMO_ADMIN_PASSWORD, loadConfig } from '../../server/config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('runs in demo mode with defaults for everything', () => {
    const config = loadConfig({ DEMO: '1' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', demo: true, adminPassword: DEMO_ADMIN_PASSWORD, adminPasswordIsDefault: true, wechatApiBase: null, wechatAppId: 'wx-demo-appid', tokenTtlHours: 72, databaseUrl: null });
    expect(config.dataKey).toHaveLength(32);
  });

  it('requires the secrets outside demo mode and names each missing variable', () => {
    const found = problems({});
    for (const name of ['ADMIN_PASSWORD', 'WECHAT_APPID', 'WECHAT_SECRET', 'DATA_KEY']) {
      expect(found).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${name}：未设置`))]));
    }
  });

  it('explains malformed values in Chinese', () => {
    expect(problems({ DEMO: '1', PORT: 'eighty' })).toEqual(['PORT：应为端口号数字，如 8080']);
    expect(problems({ DEMO: '1', DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL：应以 postgres:\/\/ 开头/);
    expect(problems({ DEMO: '1', DATA_KEY: 'abcd' })).toEqual(['DATA_KEY：应为32字节密钥（64位十六进制或 base64）']);
    expect(problems({ DEMO: 'yes' })).toEqual(['DEMO：只能是 1 或 0']);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      ADMIN_PASSWORD: 'a-strong-password',
      WECHAT_APPID: 'wx123',
      WECHAT_SECRET: 's3cret',
      DATA_KEY: 'ab'.repeat(32),
      DATABASE_URL: 'postgres://u:p@db:5432/ys',
      PORT: '9000',
    });
    expect(config).toMatchObject({ demo: false, port: 9000, wechatApiBase: 'https://api.weixin.qq.com', databaseUrl: 'postgres://u:p@db:5432/ys' });
  });
});
