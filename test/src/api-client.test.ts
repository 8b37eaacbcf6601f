import { request } from '@/lib/api/client';
import { ApiError, NETWORK_ERROR_MESSAGE } from '@/lib/api/api-error';
import { sessionStore } from '@/features/auth/session-store';
import { taroMock } from './taro-stub';
import { backend, freshApp, on, signedIn } from './helpers';

beforeEach(freshApp);

describe('request client', () => {
  it('keeps the same Idempotency-Key when an idempotent POST is retried after a network failure', async () => {
    let calls = 0;
    backend(
      on('POST', '/api/v1/things', () => {
        calls += 1;
        return calls === 1 ? { fail: 'request:fail net::ERR_CONNECTION_RESET' } : { statusCode: 201, data: { id: 1 } };
      }),
    );

    await expect(request('/api/v1/things', { method: 'POST', body: { a: 1 }, idempotent: true })).resolves.toEqual({ id: 1 });

    const keys = taroMock.requests.map((r) => r.header['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_:.-]{8,128}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('never has more than 10 requests in flight (WeChat’s limit) and sends the rest as slots free up', async () => {
    let inFlight = 0;
    let peak = 0;
    const held: (() => void)[] = [];
    // A server that answers only when the test lets it: the requests pile up in flight.
    taroMock.respond(() => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      return new Promise((resolve) =>
        held.push(() => {
          inFlight -= 1;
          resolve({ statusCode: 200, data: { ok: true } });
        }),
      );
    });
    const all = Promise.all(Array.from({ length: 15 }, (_, i) => request('/api/v1/policies', { query: { page: i + 1 } })));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(taroMock.requests).toHaveLength(10);
    while (held.length > 0) {
      held.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await expect(all).resolves.toHaveLength(15);
    expect(taroMock.requests).toHaveLength(15);
    expect(peak).toBe(10);
  });

  it('gives a new key to a new submission', async () => {
    backend(on('POST', '/api/v1/things', () => ({ statusCode: 201, data: {} })));
    await request('/api/v1/things', { method: 'POST', body: {}, idempotent: true });
    await request('/api/v1/things', { method: 'POST', body: {}, idempotent: true });
    const [first, second] = taroMock.requests.map((r) => r.header['Idempotency-Key']);
    expect(first).not.toBe(second);
  });

  it('does not retry a POST without a key (it could create twice)', async () => {
    backend(on('POST', '/api/v1/things', () => ({ fail: 'request:fail' })));
    await expect(request('/api/v1/things', { method: 'POST', body: {} })).rejects.toThrow(NETWORK_ERROR_MESSAGE);
    expect(taroMock.requests).toHaveLength(1);
  });

  it('retries a GET on 5xx and then succeeds', async () => {
    let calls = 0;
    backend(on('GET', '/api/v1/me', () => (++calls < 3 ? { statusCode: 503, data: {} } : { statusCode: 200, data: { ok: true } })));
    await expect(request('/api/v1/me')).resolves.toEqual({ ok: true });
    expect(calls).toBe(3);
  });

  it('waits out a short rate limit (Retry-After) for a safe call, then succeeds', async () => {
    let calls = 0;
    const limited = { statusCode: 429, header: { 'Retry-After': '1' }, data: { error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } } };
    backend(on('GET', '/api/v1/policies', () => (++calls === 1 ? limited : { statusCode: 200, data: { items: [] } })));
    const started = Date.now();
    await expect(request('/api/v1/policies')).resolves.toEqual({ items: [] });
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(taroMock.toasts).toEqual([]);
  });

  it('tells the user how long to wait when the rate limit is long, without retrying', async () => {
    backend(
      on('POST', '/api/v1/ratings', () => ({ statusCode: 429, header: { 'retry-after': '95' }, data: { error: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' } } })),
    );
    const error = await request('/api/v1/ratings', { method: 'POST', body: {}, idempotent: true }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('RATE_LIMITED');
    expect(taroMock.toasts).toEqual(['操作过于频繁，请 2 分钟后再试']);
    expect(taroMock.requests).toHaveLength(1);
  });

  it("surfaces the server's Chinese message as a toast and as the error", async () => {
    backend(
      on('GET', '/api/v1/x', () => ({ statusCode: 403, data: { error: { code: 'FORBIDDEN', message: '无权访问' } } })),
    );
    const error = await request('/api/v1/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('FORBIDDEN');
    expect((error as ApiError).message).toBe('无权访问');
    expect(taroMock.toasts).toEqual(['无权访问']);
  });

  it('says the network is unavailable when every try fails', async () => {
    backend(on('GET', '/api/v1/x', () => ({ fail: 'request:fail' })));
    await expect(request('/api/v1/x')).rejects.toThrow(NETWORK_ERROR_MESSAGE);
    expect(taroMock.requests).toHaveLength(3);
    expect(taroMock.toasts).toEqual([NETWORK_ERROR_MESSAGE]);
  });

  it('says a timeout is a timeout', async () => {
    backend(on('GET', '/api/v1/x', () => ({ fail: 'request:fail timeout' })));
    await expect(request('/api/v1/x', { quiet: true })).rejects.toThrow('请求超时，请稍后重试');
    expect(taroMock.toasts).toEqual([]);
  });

  it('sends the bearer token and clears the session on 401', async () => {
    signedIn();
    backend(
      on('GET', '/api/v1/me', () => ({ statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } })),
    );
    await expect(request('/api/v1/me')).rejects.toThrow('请先登录');
    expect(taroMock.requests[0].header.Authorization).toBe('Bearer token-abc');
    expect(sessionStore.get().token).toBeNull();
    expect(taroMock.storage.has('yst.session')).toBe(false);
  });
});
