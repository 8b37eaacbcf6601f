import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common';
import { ENTERPRISE_SCALES } from './enterprise-rules';

export * from './enterprise-rules';
export const EnterpriseScale = Type.Union(ENTERPRISE_SCALES.map((s) => Type.Literal(s)));
export type EnterpriseScale = Static<typeof EnterpriseScale>;

/** 一企一档: the profile policies' conditions are evaluated against. */
export const Enterprise = Type.Object(
  {
    id: Id,
    uscc: Type.String({ minLength: 18, maxLength: 18 }),
    name: Type.String(),
    industry: Type.String({ description: '国民经济行业门类，如 制造业' }),
    scale: EnterpriseScale,
    district: Type.String({ description: '所属乡镇（街道）' }),
    qualifications: Type.Array(Type.String(), { description: '如 高新技术企业、专精特新' }),
    registeredOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  },
  { $id: 'Enterprise' },
);
export type Enterprise = Static<typeof Enterprise>;

const text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const NewEnterprise = Type.Object(
  {
    uscc: Type.String({ minLength: 1, maxLength: 40 }),
    name: text(100),
    industry: text(50),
    scale: EnterpriseScale,
    district: text(50),
    qualifications: Type.Array(text(30), { maxItems: 20, default: [] }),
    registeredOn: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type NewEnterprise = Static<typeof NewEnterprise>;

export const BindEnterprise = Type.Object(
  {
    uscc: Type.String({ minLength: 1, maxLength: 40 }),
    name: text(100),
  },
  { additionalProperties: false },
);
export type BindEnterprise = Static<typeof BindEnterprise>;

export const EnterpriseListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: '按名称或统一社会信用代码模糊查找' })),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type EnterpriseListQuery = Static<typeof EnterpriseListQuery>;

export const EnterprisePage = Type.Object({ items: Type.Array(Enterprise), total: Type.Integer({ minimum: 0 }) });
export type EnterprisePage = Static<typeof EnterprisePage>;
