import type { Kysely } from 'kysely';
import type { EnterpriseProfilePatch } from '../../types/policy';
import type { Database } from '../db/schema';

export type ProfileFillResult = { ok: true } | { ok: false; lockedField: keyof EnterpriseProfilePatch };

/**
 * Fills profile fields the registry left empty, for the 政策计算器. Each update is guarded by
 * "still empty", so a value the registry holds is never overwritten, even by a racing request.
 */
export function policyProfilesRepository(db: Kysely<Database>) {
  return {
    async fill(enterpriseId: number, patch: EnterpriseProfilePatch): Promise<ProfileFillResult> {
      const text = { industry: patch.industry, scale: patch.scale, district: patch.district } as const;
      for (const field of ['industry', 'scale', 'district'] as const) {
        const value = text[field]?.trim();
        if (value === undefined) continue;
        const r = await db
          .updateTable('enterprises')
          .set({ [field]: value })
          .where('id', '=', enterpriseId)
          .where((eb) => eb.or([eb(field, '=', ''), eb(field, 'is', null)]))
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return { ok: false, lockedField: field };
      }
      if (patch.registeredOn !== undefined) {
        const r = await db
          .updateTable('enterprises')
          .set({ registered_on: patch.registeredOn })
          .where('id', '=', enterpriseId)
          .where('registered_on', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return { ok: false, lockedField: 'registeredOn' };
      }
      return { ok: true };
    },
  };
}
