import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { Call, Reply, Transport } from './workload';

export const ROOT = path.resolve(__dirname, '../../..');
export const ADMIN_PASSWORD = 'reliability-admin-password';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** stdout + stderr so far (for a failure message). */
  output(): string;
  /** kill -9: no shutdown hook, no flush, no rollback but the database's own. */
  crash(): Promise<void>;
  /** SIGTERM: the graceful shutdown path. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * The real server (node --import tsx server/server.ts) as a child process in demo mode: it seeds an
 * empty database, starts its own WeChat stand-in, and listens on `port`. Resolves once /api/v1/health answers.
 */
export async function startServer(opts: { port: number; dataDir: string; databaseUrl?: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DEMO: '1',
      HOST: '127.0.0.1',
      PORT: String(opts.port),
      DATA_DIR: opts.dataDir,
      // Empty means unset: without a URL the server uses SQLite in DATA_DIR.
      DATABASE_URL: opts.databaseUrl ?? '',
      WECHAT_API_BASE: '',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      // 0 = unlimited: the load here is the point, not what the abuse limits would make of it.
      RATE_LIMIT_LOGIN: '0',
      RATE_LIMIT_SUBMIT: '0',
      RATE_LIMIT_SEARCH: '0',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  const url = `http://127.0.0.1:${opts.port}`;
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    async crash() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };

  const deadline = Date.now() + 120_000;
  const probe = httpTransport(url);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const health = await probe({ method: 'GET', path: '/api/v1/health' });
      if (health.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.crash();
      throw new Error(`server did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** JSON over HTTP with keep-alive; a dropped connection rejects (the client then knows nothing). */
export function httpTransport(baseUrl: string, timeoutMs = 60_000): Transport & { close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const send = (call: Call): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const payload = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body));
      const headers: Record<string, string | number> = {};
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = payload.length;
      }
      if (call.token) headers.authorization = `Bearer ${call.token}`;
      if (call.key) headers['idempotency-key'] = call.key;
      const req = http.request(`${baseUrl}${call.path}`, { method: call.method, headers, agent, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text for the failure message
          }
          resolve({ status: res.statusCode ?? 0, body, replayed: res.headers['idempotent-replayed'] === 'true' });
        });
      });
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  return Object.assign(send, { close: () => agent.destroy() });
}
