import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Instant } from './common';
import { ImportReport } from './policy';
import { BENEFIT_STATUSES } from './benefit-rules';

// The statuses and their labels live in ./benefit-rules so the mini-program can use them without TypeBox.
export * from './benefit-rules';

/** 免申即享 benefit record per (policy, enterprise); the status machine is described in ./benefit-rules. */
export const BenefitStatus = Type.Union(BENEFIT_STATUSES.map((s) => Type.Literal(s)));
export type BenefitStatus = Static<typeof BenefitStatus>;

export const BenefitEvent = Type.Object({
  status: BenefitStatus,
  at: Instant,
  by: Type.String({ description: '企业 / 部门名称，不含个人信息' }),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const Benefit = Type.Object(
  {
    id: Id,
    policy: Type.Object({ id: Id, title: Type.String(), department: Type.String() }),
    enterprise: Type.Object({ id: Id, name: Type.String(), uscc: Type.String() }),
    status: BenefitStatus,
    /** 公示 content. */
    basis: Type.Union([Type.String(), Type.Null()]),
    dataUsed: Type.Union([Type.String(), Type.Null()]),
    amountYuan: Type.Union([Type.Number(), Type.Null()]),
    objection: Type.Union([Type.String(), Type.Null()]),
    paidAmountYuan: Type.Union([Type.Number(), Type.Null()]),
    paidOn: Type.Union([DateOnly, Type.Null()]),
    history: Type.Array(BenefitEvent),
    updatedAt: Instant,
  },
  { $id: 'Benefit' },
);
export type Benefit = Static<typeof Benefit>;

export const BenefitObjection = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export const BenefitPublicize = Type.Object(
  {
    basis: Type.String({ minLength: 1, maxLength: 1000 }),
    dataUsed: Type.String({ minLength: 1, maxLength: 1000 }),
    amountYuan: Type.Number({ minimum: 0, maximum: 1e9 }),
  },
  { additionalProperties: false },
);
export const BenefitPayment = Type.Object(
  { paidAmountYuan: Type.Number({ minimum: 0, maximum: 1e9 }), paidOn: DateOnly },
  { additionalProperties: false },
);

export const BenefitListQuery = Type.Object(
  {
    policyId: Type.Optional(Id),
    status: Type.Optional(BenefitStatus),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type BenefitListQuery = Static<typeof BenefitListQuery>;

export const BenefitPage = Type.Object({ items: Type.Array(Benefit), total: Type.Integer({ minimum: 0 }) });
export type BenefitPage = Static<typeof BenefitPage>;

/** Staff bind one enterprise to a policy (the record starts as matched). */
export const NewBenefit = Type.Object(
  {
    policyId: Id,
    uscc: Type.String({ minLength: 1, maxLength: 40 }),
    amountYuan: Type.Optional(Type.Number({ minimum: 0, maximum: 1e9 })),
  },
  { additionalProperties: false },
);
export type NewBenefit = Static<typeof NewBenefit>;

/** Same row report as the policy import; `skipped` counts (policy, enterprise) pairs already bound. */
export const BenefitImportReport = ImportReport;
export type BenefitImportReport = ImportReport;
export type BenefitObjection = Static<typeof BenefitObjection>;
export type BenefitPublicize = Static<typeof BenefitPublicize>;
export type BenefitPayment = Static<typeof BenefitPayment>;

/**
 * A bound enterprise whose registry profile does not show that it meets the policy's conditions.
 * Only advice: the department's data may be newer than the registry, so the binding stands.
 */
export const BenefitBindWarning = Type.Object({
  row: Type.Integer({ minimum: 1, description: '表格中的行号（含表头，从1起）' }),
  enterprise: Type.String(),
  messages: Type.Array(Type.String(), { description: '每条不符合或无法判断的条件，如 不符合“成立年限需满1年”（成立于2026-03-01）' }),
});
export type BenefitBindWarning = Static<typeof BenefitBindWarning>;

/** An accepted benefit import: the row report plus the bound rows whose profile does not meet the conditions. */
export const BenefitImportResult = Type.Object({
  ...ImportReport.properties,
  warnings: Type.Array(BenefitBindWarning),
});
export type BenefitImportResult = Static<typeof BenefitImportResult>;

/** The single bind's answer: the record plus the conditions the profile does not meet (empty when all are met). */
export const BoundBenefit = Type.Object({
  ...Benefit.properties,
  warnings: Type.Array(Type.String()),
});
export type BoundBenefit = Static<typeof BoundBenefit>;
