import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type TestApp } from './helper';

// The H5 build's output as the server finds it: config/index.ts copies src/favicon.ico beside index.html.
const FAVICON = path.resolve(__dirname, '../../src/favicon.ico');
let dir: string;
let t: TestApp;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yst-favicon-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><link rel="icon" href="/favicon.ico">');
  copyFileSync(FAVICON, path.join(dir, 'favicon.ico'));
  t = await build('sqlite', { env: { STATIC_DIR: dir } });
});

afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/favicon.ico, asked for by the browser on every H5 page load', () => {
  it('is answered with the icon instead of a 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    expect(res.rawPayload.equals(readFileSync(FAVICON))).toBe(true);
    // Revalidated by ETag, so a new icon reaches returning users.
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toBeTruthy();
  });

  it('is a real, tiny icon: an ICO holding one 32×32 PNG', () => {
    const ico = readFileSync(FAVICON);
    expect(ico.length).toBeLessThan(1024);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    const png = ico.subarray(ico.readUInt32LE(18), ico.readUInt32LE(18) + ico.readUInt32LE(14));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
