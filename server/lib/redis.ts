import type { FastifyBaseLogger } from 'fastify';
import Redis from 'ioredis';

/**
 * One Redis client for the process, built so that Redis being away never holds a request up:
 * commands fail at once while disconnected (no offline queue) or after a short timeout when Redis
 * hangs, and the client keeps reconnecting in the background. Callers treat a failure as "not
 * counted" (the rate limiter fails open) and report it here, which logs one warning per outage.
 */
export interface RedisConnection {
  client: Redis;
  /** A command failed: the first failure of an outage logs one warning, later ones nothing. */
  failed(err: unknown): void;
  /** A command succeeded: ends an outage (one info line) if there was one. */
  succeeded(): void;
  close(): Promise<void>;
}

export interface RedisOptions {
  /** How long the boot waits for the first connection before starting without it. */
  readyTimeoutMs?: number;
  /** How long one command may take before the request goes on without it. */
  commandTimeoutMs?: number;
  /** Shown by CLIENT LIST, so an operator can tell which connections are ours. */
  connectionName?: string;
}

/** Shortest description of a failure: the message may name the host, never the URL's password. */
function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function connectRedis(url: string, log: FastifyBaseLogger, opts: RedisOptions = {}): Promise<RedisConnection> {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: opts.commandTimeoutMs ?? 500,
    connectTimeout: 2_000,
    connectionName: opts.connectionName,
    // Forever, at most every 2 s: the limiter comes back by itself when Redis does.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  let down = false;
  let closing = false;

  const connection: RedisConnection = {
    client,
    failed(err) {
      if (down || closing) return;
      down = true;
      log.warn({ redisError: reason(err) }, 'Redis unavailable: rate limits are not enforced until it is back');
    },
    succeeded() {
      if (!down) return;
      down = false;
      log.info('Redis available again: rate limits are enforced');
    },
    async close() {
      closing = true;
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };

  // ioredis reports every failed reconnect here; without a listener it prints each one to stderr.
  client.on('error', (err: unknown) => connection.failed(err));
  client.on('ready', () => connection.succeeded());

  // The boot goes on at the first answer either way: a refused connection is not worth waiting out.
  const ready = await new Promise<boolean>((resolve) => {
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('error', onError);
      resolve(ok);
    };
    const onReady = () => settle(true);
    const onError = () => settle(false);
    const timer = setTimeout(() => settle(false), opts.readyTimeoutMs ?? 2_000);
    client.once('ready', onReady);
    client.once('error', onError);
  });
  if (!ready) connection.failed(new Error('no connection at startup'));
  return connection;
}
