import type { TestApp } from '../helper';
import type { Call, Reply, Transport } from './workload';

/** The workload's transport over app.inject: same requests, no sockets. */
export function injectTransport(t: TestApp): Transport {
  return async (call: Call): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    if (call.key) headers['idempotency-key'] = call.key;
    const res = await t.app.inject({ method: call.method, url: call.path, headers, ...(call.body === undefined ? {} : { payload: call.body as object }) });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.statusCode, body, replayed: res.headers['idempotent-replayed'] === 'true' };
  };
}
