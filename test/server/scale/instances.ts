import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keepServerOutput } from '../../server-logs';

/** The real server process (node --import tsx server/server.ts) on a free port, for multi-process checks and benchmarks. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** DATA_DIR of the process (its SQLite file lives there unless DATABASE_URL is set). */
  dataDir: string;
  /** Every line the process printed (stdout and stderr), for failure messages. */
  output: string[];
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../../..');

/** `nodeArgs` go before the script, e.g. ['--cpu-prof'] to see where a benchmark's time goes. */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000, nodeArgs: string[] = []): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'ys-proc-'));
  const ownDir = env.DATA_DIR === undefined;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`服务器未在 ${timeoutMs} ms 内启动：\n${output.join('')}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const m = /营商通已启动：(http:\/\/[\d.]+:\d+)/.exec(output.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`服务器进程退出（${code}）：\n${output.join('')}`));
    });
  });
  return {
    url,
    pid: child.pid as number,
    dataDir,
    output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      keepServerOutput('process', output.join(''));
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
