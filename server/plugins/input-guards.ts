import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../lib/http-error';

/** PostgreSQL text cannot hold U+0000 (the insert fails); no form field has a use for it either. */
export const hasNul = (text: string) => text.includes('\u0000');
export const NUL_MESSAGE = '包含不允许的控制字符';

/**
 * Checks on the query and path after validation:
 * - ajv 8 coerces the text "1e309" or "Infinity" to ±Infinity and then skips minimum/maximum for
 *   non-finite numbers, so `?pageSize=1e309` passes a `maximum: 100` schema and reaches SQL as LIMIT Infinity;
 * - a NUL character (%00) would reach PostgreSQL, which refuses it with an error.
 * JSON bodies get the NUL check in the body parser (plugins/body.ts). JSON has no Infinity, but
 * ajv coerces the string "Infinity" in a body to one just the same (found by the fuzz suite:
 * `{"enterpriseId":"Infinity"}` reached PostgreSQL), so the body is walked for it too.
 */
/** Path of the first ±Infinity (or NaN) in a parsed JSON body, or null. */
function nonFiniteIn(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  // Bodies are limited in depth by the body parser; this only bounds the walk.
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const found = nonFiniteIn(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

async function inputGuards(fastify: FastifyInstance) {
  fastify.addHook('preHandler', async (request) => {
    for (const source of [request.query, request.params]) {
      if (!source || typeof source !== 'object') continue;
      for (const [field, value] of Object.entries(source as Record<string, unknown>)) {
        if (typeof value === 'number' && !Number.isFinite(value)) throw new HttpError(400, 'VALIDATION', `${field}：应为数字`, field);
        if (typeof value === 'string' && hasNul(value)) throw new HttpError(400, 'VALIDATION', `${field}：${NUL_MESSAGE}`, field);
        if (Array.isArray(value) && value.some((v) => typeof v === 'string' && hasNul(v))) throw new HttpError(400, 'VALIDATION', `${field}：${NUL_MESSAGE}`, field);
      }
    }
    const field = request.body && typeof request.body === 'object' ? nonFiniteIn(request.body, '') : null;
    if (field !== null) throw new HttpError(400, 'VALIDATION', `${field}：应为数字`, field);
  });
}

export default fp(inputGuards, { name: 'input-guards' });
