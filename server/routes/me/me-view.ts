import type { Me, User } from '../../../types/auth';
import type { Repositories } from '../../repositories';

/** The caller's own view: profile plus the bound enterprise, read through the given repositories. */
export async function meView(repos: Repositories, userId: number): Promise<Me> {
  const found = await repos.users.profileWithEnterprise(userId);
  const enterpriseId = found?.enterpriseId ?? null;
  const enterprise = enterpriseId !== null ? ((await repos.enterprises.findById(enterpriseId)) ?? null) : null;
  return { user: found?.user as User, enterprise };
}
