import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './config';
import { loggerOptions } from './logger';
import authPlugin, { accessGuard } from './plugins/auth';
import bodyPlugin from './plugins/body';
import calendarPlugin from './plugins/calendar';
import clockPlugin from './plugins/clock';
import dbPlugin from './plugins/db';
import docsPlugin from './plugins/docs';
import errorsPlugin, { frameworkErrors } from './plugins/errors';
import inputGuardsPlugin from './plugins/input-guards';
import idempotencyPlugin from './plugins/idempotency';
import notificationsPlugin from './plugins/notifications';
import policyEventsPlugin from './plugins/policy-events';
import rateLimitPlugin from './plugins/rate-limit';
import wechatPlugin from './plugins/wechat';
import routes from './routes';
import { createWeChatClient, type WeChatClient } from './wechat/client';

export interface AppOptions {
  config: AppConfig;
  /** A ready client (tests); otherwise one is made from config.wechat*. */
  wechat?: WeChatClient;
}

function wechatClientFor(opts: AppOptions): WeChatClient {
  if (opts.wechat) return opts.wechat;
  const { wechatApiBase, wechatAppId, wechatSecret } = opts.config;
  if (!wechatApiBase) throw new Error('未配置 WECHAT_API_BASE，且没有可用的微信接口替身');
  return createWeChatClient({ baseUrl: wechatApiBase, appId: wechatAppId, secret: wechatSecret });
}

/** The whole application as a plugin: it never listens, so tests drive it with inject(). */
export default async function app(fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  const { config } = opts;
  await fastify.register(errorsPlugin);
  await fastify.register(bodyPlugin);
  await fastify.register(inputGuardsPlugin);
  // Before any route, so every route is checked for config.access.
  await fastify.register(accessGuard);
  await fastify.register(dbPlugin, { config });
  await fastify.register(wechatPlugin, { client: wechatClientFor(opts) });
  await fastify.register(authPlugin);
  await fastify.register(idempotencyPlugin);
  await fastify.register(policyEventsPlugin);
  await fastify.register(clockPlugin);
  // After auth (a submission is counted per user) and before any route (routes opt in by config).
  await fastify.register(rateLimitPlugin, { limits: config.rateLimits, dataKey: config.dataKey });
  await fastify.register(calendarPlugin);
  await fastify.register(notificationsPlugin);
  await fastify.register(docsPlugin);
  await fastify.register(routes, { config });
  if (config.staticDir) {
    // The H5 build, same origin as the API; unknown paths fall through to the JSON 404.
    await fastify.register(fastifyStatic, {
      root: config.staticDir,
      prefix: '/',
      wildcard: true,
      // The build writes .br/.gz beside each asset (config/prod.ts): sent as they are, no work per request.
      preCompressed: true,
      // Cache-Control is ours (staticCacheHeaders): send's default would override it.
      cacheControl: false,
      setHeaders: staticCacheHeaders,
    });
  }
}

/** Far above any form the app sends (a signature image is the largest, tens of KB). */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** A content hash in the file name, as the H5 build names its JS, CSS and images (app.0dde792f.js). */
const HASHED_ASSET = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/;

/**
 * Hashed files never change under their name: a returning user loads them from cache without asking.
 * Everything else (index.html, which names the current hashes; tab icons) is revalidated by ETag.
 */
export function staticCacheHeaders(res: { setHeader(name: string, value: string): unknown }, filePath: string): void {
  const file = filePath.replace(/\.(br|gz)$/, '');
  res.setHeader('Cache-Control', HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  // The same URL answers br, gzip or plain by Accept-Encoding: caches must keep them apart.
  if (/\.(js|css|html|svg|json)$/.test(file)) res.setHeader('Vary', 'Accept-Encoding');
}

export interface BuildOverrides {
  wechat?: WeChatClient;
  /** Where log lines go (tests capture them); stdout otherwise. */
  logStream?: DestinationStream;
}

/** A ready app: plugins loaded, migrations applied, not listening. */
export async function buildApp(config: AppConfig, overrides: BuildOverrides = {}) {
  const fastify = Fastify({
    logger: loggerOptions(config, overrides.logStream),
    // Ids, not headers: clients may not choose what ends up in our logs.
    requestIdHeader: false,
    // JSON bodies; spreadsheet imports stream through multipart with their own 5 MB cap.
    bodyLimit: JSON_BODY_LIMIT,
    // A hop count means: trust that many proxies in front of us (Fastify's typings only take the function form).
    trustProxy: typeof config.trustProxy === 'number' ? (_addr: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    frameworkErrors: (err, request, reply) => frameworkErrors(err, request, reply),
  }).withTypeProvider<TypeBoxTypeProvider>();
  try {
    // fp: the app's decorators (db, repos, wechat) stay visible on the returned instance.
    await fastify.register(fp(app), { config, wechat: overrides.wechat });
    await fastify.ready();
  } catch (err) {
    await fastify.close().catch(() => undefined);
    throw err;
  }
  return fastify;
}
