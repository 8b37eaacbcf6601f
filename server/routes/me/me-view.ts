import type { Me, User } from '../../../types/auth';
import type { Repositories } from '../../repositories';

/** The caller's own view: profile plus the bound enterprise, read through the given repositories. */
export async function meView(repos: Repositories, userId: number): Promise<Me> {
  const row = await repos.users.findById(userId);
  const user = (await repos.users.profile(userId)) as User;
  const enterprise = row?.enterprise_id ? ((await repos.enterprises.findById(row.enterprise_id)) ?? null) : null;
  return { user, enterprise };
}
