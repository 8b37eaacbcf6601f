import type { Me } from '@contract/auth';
import type { BindEnterprise } from '@contract/enterprise';
import { request } from '@/lib/api/client';
import { sessionStore } from '@/features/auth/session-store';

/** Binds the signed-in user to an enterprise of the district registry. Errors come back per field. */
export async function bindEnterprise(body: BindEnterprise, idempotencyKey: string): Promise<Me> {
  const me = await request<Me>('/api/v1/me/enterprise', { method: 'POST', body, idempotencyKey, quiet: true });
  sessionStore.setMe(me.user, me.enterprise);
  return me;
}

export async function unbindEnterprise(): Promise<Me> {
  const me = await request<Me>('/api/v1/me/enterprise', { method: 'DELETE' });
  sessionStore.setMe(me.user, me.enterprise);
  return me;
}
