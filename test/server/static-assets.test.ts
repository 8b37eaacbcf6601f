import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { build, type TestApp } from './helper';

// The H5 build as the server finds it: hashed JS with the .br/.gz the production build writes beside it.
const SCRIPT = `console.log(${JSON.stringify('营商通'.repeat(400))});`;
let dir: string;
let t: TestApp;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yst-static-'));
  mkdirSync(path.join(dir, 'js'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script src="/js/app.0dde792f.js"></script>');
  writeFileSync(path.join(dir, 'js/app.0dde792f.js'), SCRIPT);
  writeFileSync(path.join(dir, 'js/app.0dde792f.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(path.join(dir, 'js/app.0dde792f.js.gz'), gzipSync(SCRIPT));
  writeFileSync(path.join(dir, 'assets/home.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  t = await build('sqlite', { env: { STATIC_DIR: dir } });
});

afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) => t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the H5 app as served to a phone on a slow line', () => {
  it('sends a browser that takes brotli the precompressed file, as JavaScript', async () => {
    const res = await get('/js/app.0dde792f.js', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('falls back to gzip, then to the plain file, by what the client accepts', async () => {
    const gz = await get('/js/app.0dde792f.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get('/js/app.0dde792f.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
  });

  it('lets a returning user keep hashed files for a year, but always checks index.html and unhashed files', async () => {
    expect((await get('/js/app.0dde792f.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await get('/', 'br');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('app.0dde792f.js');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers.etag).toBeTruthy();
    expect((await get('/assets/home.png')).headers['cache-control']).toBe('no-cache');
  });

  it('still answers unknown paths with the JSON 404', async () => {
    const res = await get('/js/missing.12345678.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toHaveProperty('error.code');
  });
});
