import fp from 'fastify-plugin';
import type { WeChatClient } from '../wechat/client';

declare module 'fastify' {
  interface FastifyInstance {
    wechat: WeChatClient;
  }
}

/** Makes the one WeChat client (real, stand-in or a test's) available to routes. */
export default fp(
  async function wechatPlugin(fastify, opts: { client: WeChatClient }) {
    fastify.decorate('wechat', opts.client);
  },
  { name: 'wechat' },
);
