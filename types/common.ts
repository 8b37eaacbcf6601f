import { Type, type Static } from '@sinclair/typebox';

export const Role = Type.Union(
  [Type.Literal('enterprise'), Type.Literal('visitor'), Type.Literal('staff'), Type.Literal('admin')],
  { $id: 'Role', description: 'enterprise=企业用户, visitor=走访人员, staff=部门人员, admin=营商办管理员' },
);
export type Role = Static<typeof Role>;

/** Row ids are 32-bit (serial) on PostgreSQL: a larger number cannot name a row, and comparing with one is an error there. */
export const MAX_ID = 2147483647;
export const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) });
export type IdParams = Static<typeof IdParams>;

/** ISO 8601 instant, e.g. 2026-11-27T04:08:00.000Z */
export const Instant = Type.String({ format: 'date-time' });
/** Calendar date, YYYY-MM-DD, in China time. */
export const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** Sent by the app on every POST that creates something; a retry with the same key is answered from the record. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_\\-:.]{1,128}$', description: '幂等键：同一提交重试时保持不变' }),
  ),
});
export type IdempotencyHeaders = Static<typeof IdempotencyHeaders>;

export const Department = Type.Object({ id: Id, name: Type.String(), code: Type.String() }, { $id: 'Department' });
export type Department = Static<typeof Department>;
