import type { Kysely } from 'kysely';
import type { Benefit, BenefitStatus } from '../../types/benefit';
import type { PolicyCondition, PolicyKind } from '../../types/policy';
import type { Database } from '../db/schema';
import './benefit-tables';

const CASH_KINDS: readonly PolicyKind[] = ['减免', '奖补'];

/** What permission checks and transitions need about a benefit, without building the whole view. */
export interface BenefitRef {
  id: number;
  status: BenefitStatus;
  policyId: number;
  enterpriseId: number;
  departmentId: number;
}

export interface PolicyRef {
  id: number;
  title: string;
  basisDoc: string;
  status: string;
  departmentId: number;
  departmentName: string;
  conditions: PolicyCondition[];
}

export interface BenefitFilter {
  enterpriseId?: number;
  departmentId?: number;
  policyId?: number;
  status?: BenefitStatus;
  page: number;
  pageSize: number;
}

export interface BenefitPatch {
  basis?: string;
  dataUsed?: string;
  amountFen?: number | null;
  objection?: string | null;
  paidAmountFen?: number;
  paidOn?: string;
}

export interface BenefitEventInput {
  by: string;
  actorUserId: number | null;
  note: string | null;
  at: string;
}

const fenToYuan = (fen: number | string | null): number | null => (fen === null ? null : Number(fen) / 100);

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('benefits as b')
    .innerJoin('policies as p', 'p.id', 'b.policy_id')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .innerJoin('enterprises as e', 'e.id', 'b.enterprise_id');
}

export function benefitsRepository(db: Kysely<Database>) {
  async function views(ids: number[]): Promise<Benefit[]> {
    if (ids.length === 0) return [];
    const [rows, events] = await Promise.all([
      baseQuery(db)
        .select([
          'b.id',
          'b.status',
          'b.basis',
          'b.data_used',
          'b.amount_fen',
          'b.objection',
          'b.paid_amount_fen',
          'b.paid_on',
          'b.updated_at',
          'p.id as policy_id',
          'p.title as policy_title',
          'd.name as department_name',
          'e.id as enterprise_id',
          'e.name as enterprise_name',
          'e.uscc as enterprise_uscc',
        ])
        .where('b.id', 'in', ids)
        .execute(),
      db.selectFrom('benefit_events').select(['benefit_id', 'status', 'by_name', 'note', 'at']).where('benefit_id', 'in', ids).orderBy('id').execute(),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          id: r.id,
          policy: { id: r.policy_id, title: r.policy_title, department: r.department_name },
          enterprise: { id: r.enterprise_id, name: r.enterprise_name, uscc: r.enterprise_uscc },
          status: r.status as BenefitStatus,
          basis: r.basis,
          dataUsed: r.data_used,
          amountYuan: fenToYuan(r.amount_fen),
          objection: r.objection,
          paidAmountYuan: fenToYuan(r.paid_amount_fen),
          paidOn: r.paid_on,
          history: events
            .filter((e) => e.benefit_id === id)
            .map((e) => ({ status: e.status as BenefitStatus, at: e.at, by: e.by_name, note: e.note })),
          updatedAt: r.updated_at,
        },
      ];
    });
  }

  async function addEvent(benefitId: number, status: BenefitStatus, event: BenefitEventInput): Promise<void> {
    await db
      .insertInto('benefit_events')
      .values({ benefit_id: benefitId, status, by_name: event.by, actor_user_id: event.actorUserId, note: event.note, at: event.at })
      .execute();
  }

  return {
    async view(id: number): Promise<Benefit | undefined> {
      return (await views([id]))[0];
    },

    async findRef(id: number): Promise<BenefitRef | undefined> {
      const row = await db
        .selectFrom('benefits as b')
        .innerJoin('policies as p', 'p.id', 'b.policy_id')
        .select(['b.id', 'b.status', 'b.policy_id', 'b.enterprise_id', 'p.department_id'])
        .where('b.id', '=', id)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          status: row.status as BenefitStatus,
          policyId: row.policy_id,
          enterpriseId: row.enterprise_id,
          departmentId: row.department_id,
        }
      );
    },

    async list(filter: BenefitFilter): Promise<{ items: Benefit[]; total: number }> {
      // The benefit's own columns first; the policy only when filtering by its department.
      let query = db.selectFrom('benefits as b');
      if (filter.departmentId !== undefined) {
        const departmentId = filter.departmentId;
        query = query.where('b.policy_id', 'in', (eb) => eb.selectFrom('policies').select('id').where('department_id', '=', departmentId));
      }
      if (filter.enterpriseId !== undefined) query = query.where('b.enterprise_id', '=', filter.enterpriseId);
      if (filter.policyId !== undefined) query = query.where('b.policy_id', '=', filter.policyId);
      if (filter.status !== undefined) query = query.where('b.status', '=', filter.status);
      const [{ total }, rows] = await Promise.all([
        query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
        query
          .select('b.id')
          .orderBy('b.updated_at', 'desc')
          .orderBy('b.id', 'desc')
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
      ]);
      return { items: await views(rows.map((r) => r.id)), total: Number(total) };
    },

    /** The new record's id, or null when (policy, enterprise) is already bound. */
    async insert(input: { policyId: number; enterpriseId: number; amountFen: number | null }, event: BenefitEventInput): Promise<number | null> {
      const row = await db
        .insertInto('benefits')
        .values({
          policy_id: input.policyId,
          enterprise_id: input.enterpriseId,
          status: 'matched',
          amount_fen: input.amountFen,
          created_at: event.at,
          updated_at: event.at,
        })
        .onConflict((oc) => oc.columns(['policy_id', 'enterprise_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return null;
      await addEvent(row.id, 'matched', event);
      return row.id;
    },

    async exists(policyId: number, enterpriseId: number): Promise<boolean> {
      const row = await db
        .selectFrom('benefits')
        .select('id')
        .where('policy_id', '=', policyId)
        .where('enterprise_id', '=', enterpriseId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Moves a benefit to `to` only if it is still in one of `from` (checked in the UPDATE itself,
     * so two racing transitions cannot both succeed). False when the status had moved on.
     */
    async transition(id: number, from: readonly BenefitStatus[], to: BenefitStatus, patch: BenefitPatch, event: BenefitEventInput): Promise<boolean> {
      const result = await db
        .updateTable('benefits')
        .set({
          status: to,
          updated_at: event.at,
          ...(patch.basis !== undefined ? { basis: patch.basis } : {}),
          ...(patch.dataUsed !== undefined ? { data_used: patch.dataUsed } : {}),
          ...(patch.amountFen !== undefined ? { amount_fen: patch.amountFen } : {}),
          ...(patch.objection !== undefined ? { objection: patch.objection } : {}),
          ...(patch.paidAmountFen !== undefined ? { paid_amount_fen: patch.paidAmountFen } : {}),
          ...(patch.paidOn !== undefined ? { paid_on: patch.paidOn } : {}),
        })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await addEvent(id, to, event);
      return true;
    },

    async findPolicy(id: number): Promise<PolicyRef | undefined> {
      const row = await db
        .selectFrom('policies as p')
        .innerJoin('departments as d', 'd.id', 'p.department_id')
        .select(['p.id', 'p.title', 'p.basis_doc', 'p.status', 'p.department_id', 'p.conditions', 'd.name as department_name'])
        .where('p.id', '=', id)
        .executeTakeFirst();
      return row && toPolicyRef(row);
    },

    /** Policies an import row may name, by 文号 or by title (both as written by the department). */
    async policiesByDocOrTitle(keys: string[]): Promise<PolicyRef[]> {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('policies as p')
        .innerJoin('departments as d', 'd.id', 'p.department_id')
        .select(['p.id', 'p.title', 'p.basis_doc', 'p.status', 'p.department_id', 'p.conditions', 'd.name as department_name'])
        .where((eb) => eb.or([eb('p.basis_doc', 'in', keys), eb('p.title', 'in', keys)]))
        .execute();
      return rows.map(toPolicyRef);
    },

    /**
     * Published 免申即享 policies that pay money (减免, 奖补), oldest first: what the demo seed binds
     * enterprises to with an amount. A 权益 or 资质 (a service, a waived document) has no sum to show.
     */
    async publishedNoApplyCashPolicies(): Promise<PolicyRef[]> {
      const rows = await db
        .selectFrom('policies as p')
        .innerJoin('departments as d', 'd.id', 'p.department_id')
        .select(['p.id', 'p.title', 'p.basis_doc', 'p.status', 'p.department_id', 'p.conditions', 'd.name as department_name'])
        .where('p.status', '=', 'published')
        .where('p.method', '=', '免申即享')
        .where('p.kind', 'in', CASH_KINDS)
        .orderBy('p.id')
        .execute();
      return rows.map(toPolicyRef);
    },

    async departmentName(id: number): Promise<string | undefined> {
      const row = await db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirst();
      return row?.name;
    },

    /** Enterprise users bound to the enterprise: who hears about its benefits. */
    async enterpriseUserIds(enterpriseId: number): Promise<number[]> {
      const rows = await db.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('role', '=', 'enterprise').execute();
      return rows.map((r) => r.id);
    },
  };
}

function toPolicyRef(row: {
  id: number;
  title: string;
  basis_doc: string;
  status: string;
  department_id: number;
  conditions: string;
  department_name: string;
}): PolicyRef {
  return {
    id: row.id,
    title: row.title,
    basisDoc: row.basis_doc,
    status: row.status,
    departmentId: row.department_id,
    departmentName: row.department_name,
    conditions: JSON.parse(row.conditions) as PolicyCondition[],
  };
}
