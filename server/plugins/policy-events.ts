import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';

/** Events about policies other parts react to (e.g. new-policy subscribe messages). */
export interface PolicyEventMap {
  /** A policy went from draft to published; emitted after the change committed. */
  published: [policyId: number];
  /** A published policy was withdrawn; emitted after the change committed. */
  withdrawn: [policyId: number];
  /** Any policy was created, edited, imported or changed status; emitted after the commit (search caches listen). */
  changed: [];
}

export type PolicyEventName = keyof PolicyEventMap;
type Listener<E extends PolicyEventName> = (...args: PolicyEventMap[E]) => void | Promise<void>;

export interface PolicyEvents {
  on<E extends PolicyEventName>(event: E, listener: Listener<E>): void;
  off<E extends PolicyEventName>(event: E, listener: Listener<E>): void;
  /** Fire and forget: the request that publishes must not wait for (or fail with) notifications. */
  emit<E extends PolicyEventName>(event: E, ...args: PolicyEventMap[E]): void;
  /** Resolves once every listener started so far has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    policyEvents: PolicyEvents;
  }
}

export function createPolicyEvents(log: FastifyBaseLogger): PolicyEvents {
  const listeners = new Map<PolicyEventName, Set<Listener<PolicyEventName>>>();
  const running = new Set<Promise<void>>();

  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as Listener<PolicyEventName>);
      listeners.set(event, set);
    },
    off(event, listener) {
      listeners.get(event)?.delete(listener as Listener<PolicyEventName>);
    },
    emit(event, ...args) {
      for (const listener of listeners.get(event) ?? []) {
        // A failing listener is logged without its arguments' contents and never reaches the caller.
        const run = Promise.resolve()
          .then(() => listener(...args))
          .catch((err: unknown) => log.error({ err, event }, 'policy event listener failed'))
          .finally(() => running.delete(run));
        running.add(run);
      }
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/** Decorates `fastify.policyEvents`; waits for running listeners on close so none is cut off mid-send. */
export default fp(
  async function policyEventsPlugin(fastify) {
    const events = createPolicyEvents(fastify.log);
    fastify.decorate('policyEvents', events);
    fastify.addHook('onClose', async () => {
      await events.idle();
    });
  },
  { name: 'policy-events' },
);
