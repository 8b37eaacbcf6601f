import Fastify from 'fastify';
import { accessGuard } from '../../server/plugins/auth';
import { build, databases, type TestApp } from './helper';

const EXPECTED_ROUTES = [
  'get /api/v1/health',
  'get /api/v1/meta',
  'post /api/v1/auth/wechat',
  'post /api/v1/auth/staff',
  'post /api/v1/auth/logout',
  'get /api/v1/me',
  'post /api/v1/me/phone',
  'post /api/v1/me/enterprise',
  'delete /api/v1/me/enterprise',
  'post /api/v1/admin/enterprises',
  'get /api/v1/admin/enterprises',
];

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  'x-access'?: unknown;
}

describe.each(databases())('%s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes OpenAPI 3 where every API operation has tags, a summary and who may call it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, Operation>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    const seen: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!path.startsWith('/api/v1')) continue;
        seen.push(`${method} ${path}`);
        expect(op.tags?.length).toBeGreaterThan(0);
        expect(op.summary).toMatch(/\p{Script=Han}/u);
        expect(op['x-access']).toBeDefined();
        expect(op.description).toContain('调用权限');
      }
    }
    expect(seen.sort()).toEqual(expect.arrayContaining(EXPECTED_ROUTES));
    expect(doc.paths['/api/v1/admin/enterprises'].post['x-access']).toEqual(['admin']);
    expect(doc.paths['/api/v1/health'].get['x-access']).toBe('public');
  });

  it('serves the docs UI publicly', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('access declaration', () => {
  it('refuses to start when an API route does not say who may call it', async () => {
    const app = Fastify();
    await app.register(accessGuard);
    await app.after();
    expect(() => app.get('/api/v1/forgotten', async () => 'x')).toThrow(/GET \/api\/v1\/forgotten 缺少 config\.access/);
    await app.close();
  });

  it('accepts API routes that declare access, and non-API routes without it', async () => {
    const app = Fastify();
    await app.register(accessGuard);
    app.get('/api/v1/declared', { config: { access: ['admin'] } }, async () => 'x');
    app.get('/index.html', async () => 'x');
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });
});
