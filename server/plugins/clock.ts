import fp from 'fastify-plugin';

export interface Clock {
  now(): Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Where "now" comes from for deadlines and overdue checks; tests replace `now` to place requests at a chosen instant. */
    clock: Clock;
  }
}

export default fp(
  async function clockPlugin(fastify) {
    fastify.decorate('clock', { now: () => new Date() });
  },
  { name: 'clock' },
);
