import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { RateLimits } from '../config';
import { HttpError } from '../lib/http-error';
import { connectRedis, type RedisConnection } from '../lib/redis';
import { rateLimitsRepository, redisRateLimitStore } from '../repositories/rate-limits';

/** login and search are counted per client IP (no user yet, or none needed); submit per user. */
export const RATE_LIMIT_KINDS = ['login', 'submit', 'search'] as const;
export type RateLimitKind = (typeof RATE_LIMIT_KINDS)[number];

export const RATE_LIMITED_MESSAGE = '操作过于频繁，请稍后再试';

export interface RateLimitedRoute {
  method: string;
  url: string;
  kind: RateLimitKind | null;
  /** Declares an Idempotency-Key header: a creating submission, which must be limited. */
  idempotent: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RateLimitKind;
    /** Counts only the requests this accepts (the query string is parsed by then, not yet validated). */
    rateLimitIf?: (request: FastifyRequest) => boolean;
  }
  interface FastifyInstance {
    /** Every /api route and the limit it opted into, so a test can find creating routes left unlimited. */
    rateLimitedRoutes: readonly RateLimitedRoute[];
  }
}

/** An attacker holding a /64 holds 2^64 addresses: IPv6 clients are counted per /64. */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const bare = ip.split('%')[0]!;
  const [head = '', tail] = bare.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

function hasIdempotencyHeader(route: RouteOptions): boolean {
  const headers = (route.schema as { headers?: { properties?: Record<string, unknown> } } | undefined)?.headers;
  return Boolean(headers?.properties && 'idempotency-key' in headers.properties);
}

/**
 * Counting in Redis, failing open: while Redis cannot answer, every request is let through (one
 * warning per outage, see RedisConnection) rather than every user being turned away.
 */
function redisCounter(redis: RedisConnection, namespace: string, windowMs: number) {
  const store = redisRateLimitStore(redis.client, namespace, windowMs);
  return async (windowStart: number, bucket: string): Promise<number | null> => {
    try {
      const hits = await store.hit(windowStart, bucket);
      redis.succeeded();
      return hits;
    } catch (err) {
      redis.failed(err);
      return null;
    }
  };
}

/** Derived from DATA_KEY, which every instance of one deployment shares and no other deployment should. */
export const rateLimitNamespace = (dataKey: Buffer) => createHmac('sha256', dataKey).update('rate-limit namespace').digest('base64url').slice(0, 12);

/** Most recently blocked buckets per window: a flood past its limit is turned away without a database or Redis write. */
const MAX_REMEMBERED_BLOCKS = 10_000;

async function rateLimitPlugin(fastify: FastifyInstance, opts: { limits: RateLimits; dataKey: Buffer }) {
  const { limits } = opts;
  const windowMs = limits.windowSeconds * 1000;
  const store = rateLimitsRepository(fastify.db);
  const namespace = rateLimitNamespace(opts.dataKey);
  const redis = limits.redisUrl ? await connectRedis(limits.redisUrl, fastify.log, { connectionName: `ys-rate-limit-${namespace}` }) : null;
  if (redis) fastify.addHook('onClose', () => redis.close());
  const count = redis ? redisCounter(redis, namespace, windowMs) : null;
  const routes: RateLimitedRoute[] = [];
  fastify.decorate('rateLimitedRoutes', routes);

  fastify.addHook('onRoute', (route: RouteOptions) => {
    const kind = (route.config as { rateLimit?: unknown } | undefined)?.rateLimit;
    if (kind !== undefined && !RATE_LIMIT_KINDS.includes(kind as RateLimitKind)) {
      throw new Error(`路由 ${String(route.method)} ${route.url} 的 config.rateLimit 只能是 ${RATE_LIMIT_KINDS.join('、')}`);
    }
    if (!route.url.startsWith('/api')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, kind: (kind as RateLimitKind | undefined) ?? null, idempotent: hasIdempotencyHeader(route) });
    }
  });

  // Keyed, so neither the table nor Redis holds client addresses: the same key on every instance gives the same bucket.
  const ipBucket = (kind: RateLimitKind, ip: string) =>
    `${kind}:ip:${createHmac('sha256', opts.dataKey).update(clientKey(ip)).digest('base64url').slice(0, 22)}`;

  let blockedWindow = 0;
  const blocked = new Set<string>();
  let lastPrune = 0;
  let pruning: Promise<unknown> = Promise.resolve();

  function pruneNowAndThen(now: number, windowStart: number): void {
    if (now - lastPrune < windowMs) return;
    lastPrune = now;
    // The current and the previous window stay; older ones can no longer affect an answer.
    pruning = store.prune(new Date(windowStart - windowMs).toISOString()).catch((err: unknown) => fastify.log.warn({ err }, 'rate-limit prune failed'));
  }

  function reject(reply: FastifyReply, retryAfter: number): never {
    void reply.header('retry-after', String(retryAfter));
    throw new HttpError(429, 'RATE_LIMITED', RATE_LIMITED_MESSAGE);
  }

  // After the auth hook (registered earlier), so a submission is counted against its user.
  fastify.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const kind = request.routeOptions.config?.rateLimit;
    if (!kind) return;
    const only = request.routeOptions.config.rateLimitIf;
    if (only && !only(request)) return;
    const limit = limits[kind];
    if (limit === 0) return;
    const bucket = kind === 'submit' && request.user ? `${kind}:user:${request.user.id}` : ipBucket(kind, request.ip);

    const now = fastify.clock.now().getTime();
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    if (windowStart !== blockedWindow) {
      blockedWindow = windowStart;
      blocked.clear();
    }
    if (blocked.has(bucket)) reject(reply, retryAfter);

    let hits: number | null;
    if (count) {
      hits = await count(windowStart, bucket);
    } else {
      hits = await store.hit(new Date(windowStart).toISOString(), bucket);
      pruneNowAndThen(now, windowStart);
    }
    if (hits !== null && hits > limit) {
      if (blocked.size >= MAX_REMEMBERED_BLOCKS) blocked.clear();
      blocked.add(bucket);
      reject(reply, retryAfter);
    }
  });

  fastify.addHook('preClose', async () => {
    await pruning;
  });
}

export default fp(rateLimitPlugin, { name: 'rate-limit', dependencies: ['db', 'auth', 'clock'] });
