import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../lib/http-error';
import { hasNul, NUL_MESSAGE } from './input-guards';

/**
 * Mini-program clients (Taro.request, wx.request) send `Content-Type: application/json` on
 * every POST, with or without a body. Fastify rejects an empty JSON body with 400; an action
 * such as "confirm" carries no body at all, so an empty one is read as "no body". Everything
 * else goes through Fastify's own parser (which also guards against prototype poisoning).
 */
async function bodyPlugin(fastify: FastifyInstance) {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    parseJson(request, text, (err, parsed) => {
      if (err) return done(err, undefined);
      const problem = bodyProblem(parsed);
      done(problem, problem ? undefined : parsed);
    });
  });
}

/** Far deeper than any request schema; deeper bodies only serve to exhaust the stack of recursive code (hashing, validation). */
export const MAX_JSON_DEPTH = 32;

/**
 * What no route accepts, found without recursion (the input may nest thousands deep): nesting
 * beyond MAX_JSON_DEPTH, or a NUL character in any string (PostgreSQL refuses to store it).
 */
export function bodyProblem(value: unknown): HttpError | null {
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!hasNul(v)) continue;
      const field = path.join('.');
      return field ? new HttpError(400, 'VALIDATION', `${field}：${NUL_MESSAGE}`, field) : new HttpError(400, 'VALIDATION', `请求内容${NUL_MESSAGE}`);
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH) return new HttpError(400, 'BAD_REQUEST', '请求内容嵌套层级过深');
    for (const [key, child] of Object.entries(v)) {
      if (hasNul(key)) return new HttpError(400, 'VALIDATION', `请求内容${NUL_MESSAGE}`);
      stack.push([child, [...path, key]]);
    }
  }
  return null;
}

export default fp(bodyPlugin, { name: 'body' });
