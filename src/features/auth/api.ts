import type { AppMeta, Me, Session, StaffLogin } from '@contract/auth';
import { request } from '@/lib/api/client';
import { getWechatLoginCode } from '@/lib/wx/login';
import { sessionStore } from './session-store';

export type { AppMeta };

export function fetchMeta(): Promise<AppMeta> {
  return request<AppMeta>('/api/v1/meta', { quiet: true });
}

async function signInWithCode(code: string): Promise<Session> {
  const session = await request<Session>('/api/v1/auth/wechat', { method: 'POST', body: { code } });
  sessionStore.signIn(session);
  return session;
}

/** In WeChat: wx.login's code, exchanged by the backend with code2Session. */
export async function loginWithWechat(): Promise<Session> {
  return signInWithCode(await getWechatLoginCode());
}

/**
 * Demo mode on H5: the WeChat stand-in accepts `mock:<openid>@<nonce>` once, like a real
 * wx.login code; the nonce lets the same test user sign in again later.
 */
export function loginWithTestOpenid(openid: string): Promise<Session> {
  const nonce = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return signInWithCode(`mock:${openid.trim()}@${nonce}`);
}

export async function loginAsStaff(body: StaffLogin): Promise<Session> {
  const session = await request<Session>('/api/v1/auth/staff', { method: 'POST', body, quiet: true });
  sessionStore.signIn(session);
  return session;
}

let inFlightMe: Promise<Me> | null = null;

/** Several components on one screen ask at once; they share one request. */
export function fetchMe(): Promise<Me> {
  inFlightMe ??= request<Me>('/api/v1/me', { quiet: true })
    .then((me) => {
      sessionStore.setMe(me.user, me.enterprise);
      return me;
    })
    .finally(() => {
      inFlightMe = null;
    });
  return inFlightMe;
}

/** The local session ends even if the server cannot be reached; the token then simply expires. */
export async function logout(): Promise<void> {
  try {
    if (sessionStore.get().token) await request<void>('/api/v1/auth/logout', { method: 'POST', quiet: true });
  } catch {
    // See above.
  } finally {
    sessionStore.clear();
  }
}
