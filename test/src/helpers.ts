import type { Session, User } from '@contract/auth';
import type { Enterprise } from '@contract/enterprise';
import { sessionStore } from '@/features/auth/session-store';
import { careModeStore } from '@/features/settings/care-mode-store';
import { resetAppMetaCache } from '@/features/auth/use-app-meta';
import { configureClient } from '@/lib/api/client';
import { taroMock, type MockRequest, type MockResponse } from './taro-stub';

export const USER: User = { id: 7, role: 'enterprise', displayName: '企业用户', department: null, phoneMasked: '138****1234' };

export const ENTERPRISE: Enterprise = {
  id: 3,
  uscc: '91440300708461136T',
  name: '平安银行股份有限公司',
  industry: '金融业',
  scale: '大型',
  district: '城关街道',
  qualifications: ['高新技术企业', '专精特新'],
  registeredOn: '1987-12-22',
};

export function signedIn(user: User = USER): Session {
  const session = { token: 'token-abc', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user };
  taroMock.storage.set('yst.session', session);
  sessionStore.reload();
  return session;
}

/** Each test starts logged out, in normal mode, with fast retries. */
export function freshApp(): void {
  sessionStore.reload();
  careModeStore.reload();
  resetAppMetaCache();
  configureClient({ retryBaseMs: 1, baseUrl: 'http://api.test' });
}

type Route = (request: MockRequest) => MockResponse | undefined;

/** A tiny backend: the first route that answers wins; unknown calls are a 404 like the real server. */
export function backend(...routes: Route[]): void {
  taroMock.respond((request) => {
    for (const route of routes) {
      const response = route(request);
      if (response) return response;
    }
    return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '未找到' } } };
  });
}

export function on(method: string, path: string, respond: (request: MockRequest) => MockResponse): Route {
  return (request) => (request.method === method && request.url.replace('http://api.test', '').split('?')[0] === path ? respond(request) : undefined);
}

/**
 * File downloads as the H5 build makes them: it fetches the file and hands it to the browser as a
 * link. Records the URLs asked for; `restore()` puts the real fetch, object URLs and link click back.
 */
export function captureDownloads(): { asked: string[]; restore(): void } {
  const asked: string[] = [];
  const saved = { fetch: globalThis.fetch, create: URL.createObjectURL, revoke: URL.revokeObjectURL, click: HTMLAnchorElement.prototype.click };
  globalThis.fetch = (async (url: string) => {
    asked.push(url);
    return { ok: true, status: 200, blob: async () => new Blob(['x']) };
  }) as unknown as typeof fetch;
  URL.createObjectURL = () => 'blob:http://localhost/download';
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = () => undefined;
  return {
    asked,
    restore() {
      Object.assign(globalThis, { fetch: saved.fetch });
      Object.assign(URL, { createObjectURL: saved.create, revokeObjectURL: saved.revoke });
      HTMLAnchorElement.prototype.click = saved.click;
    },
  };
}
