import { request } from '@/lib/api/client';
import { flushQueue, pendingRequests, queueOutcome } from '@/lib/api/offline-queue';
import { taroMock } from '../taro-stub';
import { backend, freshApp, on, signedIn } from '../helpers';

beforeEach(() => {
  freshApp();
  signedIn();
});

const offline = () => ({ fail: 'request:fail net::ERR_INTERNET_DISCONNECTED' });
const rating = { target: { kind: 'delivery', deliveryId: 5 }, scores: { overall: 5, efficiency: 5, level: 5, attitude: 5 } };

async function queueOne(key: string) {
  backend(on('POST', '/api/v1/ratings', offline));
  await expect(request('/api/v1/ratings', { method: 'POST', body: rating, idempotencyKey: key, quiet: true, queueOffline: '服务评价' })).rejects.toMatchObject({
    code: 'QUEUED_OFFLINE',
    message: '等待网络，恢复后自动提交',
  });
}

describe('offline queue', () => {
  it('without a key nothing is queued: a plain POST could create twice', async () => {
    backend(on('POST', '/api/v1/ratings', offline));
    await expect(request('/api/v1/ratings', { method: 'POST', body: rating, quiet: true, queueOffline: '服务评价' })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(pendingRequests()).toHaveLength(0);
  });

  it('survives an app restart and is sent by the next run, with its original key', async () => {
    await queueOne('key-restart-1');
    const stored = new Map(taroMock.storage);

    const sent: { key: string; body: unknown }[] = [];
    await new Promise<void>((resolve, reject) => {
      jest.isolateModules(() => {
        // A new run: fresh modules over the same device storage.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const stub = require('../taro-stub') as typeof import('../taro-stub');
        stored.forEach((value, key) => stub.taroMock.storage.set(key, value));
        stub.taroMock.respond((r) => {
          sent.push({ key: r.header['Idempotency-Key'], body: r.data });
          return { statusCode: 201, data: { id: 77, ticketId: null } };
        });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const queue = require('@/lib/api/offline-queue') as typeof import('@/lib/api/offline-queue');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('@/features/auth/session-store');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('@/lib/api/client') as typeof import('@/lib/api/client')).configureClient({ baseUrl: 'http://api.test', retryBaseMs: 1 });
        queue.onQueueOutcome((outcome) => {
          try {
            expect(outcome.kind).toBe('sent');
            expect(queue.pendingRequests()).toHaveLength(0);
            resolve();
          } catch (e) {
            reject(e);
          }
        });
      });
    });
    expect(sent).toEqual([{ key: 'key-restart-1', body: rating }]);
  });

  it('a replay answered 409 ALREADY_RATED is dropped with the server message; a 5xx is kept for later', async () => {
    await queueOne('key-a');
    await queueOne('key-b');
    expect(pendingRequests().map((r) => r.key)).toEqual(['key-a', 'key-b']);

    backend(on('POST', '/api/v1/ratings', () => ({ statusCode: 503, data: { error: { code: 'UNAVAILABLE', message: '服务暂不可用' } } })));
    await flushQueue();
    expect(pendingRequests().map((r) => r.key)).toEqual(['key-a', 'key-b']);

    backend(
      on('POST', '/api/v1/ratings', (r) =>
        r.header['Idempotency-Key'] === 'key-a'
          ? { statusCode: 409, data: { error: { code: 'ALREADY_RATED', message: '您已评价过该事项的这一阶段，感谢您的反馈' } } }
          : { statusCode: 201, data: { id: 9, ticketId: 4 } },
      ),
    );
    await flushQueue();
    expect(pendingRequests()).toHaveLength(0);
    expect(queueOutcome('key-a')).toEqual({ key: 'key-a', kind: 'dropped', code: 'ALREADY_RATED', message: '您已评价过该事项的这一阶段，感谢您的反馈' });
    expect(queueOutcome('key-b')).toEqual({ key: 'key-b', kind: 'sent', data: { id: 9, ticketId: 4 } });
    expect(taroMock.toasts).toContain('您已评价过该事项的这一阶段，感谢您的反馈');
    expect(taroMock.toasts).toContain('服务评价已提交');
  });
});
