import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

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
    parseJson(request, text, done);
  });
}

export default fp(bodyPlugin, { name: 'body' });
