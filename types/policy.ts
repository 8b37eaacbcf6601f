import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Instant, MAX_ID } from './common';
import { EnterpriseScale } from './enterprise';
import { POLICY_KINDS, POLICY_LEVELS, POLICY_METHODS, POLICY_STATUSES } from './policy-rules';

// The plain values live in ./policy-rules so the mini-program can use them without TypeBox.
export * from './policy-rules';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const PolicyLevel = literals(POLICY_LEVELS);
export const PolicyKind = literals(POLICY_KINDS);
export const PolicyMethod = literals(POLICY_METHODS);
/** Stored status. "expired" is not stored: it is derived from validTo and today's date. */
export const PolicyStatus = literals(POLICY_STATUSES);
export type PolicyLevel = Static<typeof PolicyLevel>;
export type PolicyKind = Static<typeof PolicyKind>;
export type PolicyMethod = Static<typeof PolicyMethod>;
export type PolicyStatus = Static<typeof PolicyStatus>;

/**
 * A condition of a policy: one rule over the enterprise profile (一企一档).
 * Structured, so the 政策计算器 can say for each one whether and why it is met.
 */
export const PolicyCondition = Type.Union(
  [
    Type.Object({ field: Type.Literal('industry'), op: Type.Literal('in'), values: Type.Array(Type.String(), { minItems: 1 }) }),
    Type.Object({ field: Type.Literal('scale'), op: Type.Literal('in'), values: Type.Array(EnterpriseScale, { minItems: 1 }) }),
    Type.Object({ field: Type.Literal('district'), op: Type.Literal('in'), values: Type.Array(Type.String(), { minItems: 1 }) }),
    Type.Object({ field: Type.Literal('qualifications'), op: Type.Literal('has'), value: Type.String({ minLength: 1 }) }),
    Type.Object({
      field: Type.Literal('yearsSinceRegistration'),
      op: Type.Union([Type.Literal('gte'), Type.Literal('lte')]),
      value: Type.Integer({ minimum: 0, maximum: 200 }),
    }),
  ],
  { $id: 'PolicyCondition' },
);
export type PolicyCondition = Static<typeof PolicyCondition>;

export const Policy = Type.Object(
  {
    id: Id,
    title: Type.String(),
    department: Type.Object({ id: Id, name: Type.String() }),
    level: PolicyLevel,
    kind: PolicyKind,
    tags: Type.Array(Type.String()),
    summary: Type.String(),
    body: Type.String({ description: '正文或政策解读' }),
    basisDoc: Type.String({ description: '依据文件文号' }),
    amount: Type.String({ description: '金额或计算方式' }),
    validFrom: DateOnly,
    validTo: Type.Union([DateOnly, Type.Null()]),
    method: PolicyMethod,
    contact: Type.String(),
    status: PolicyStatus,
    conditions: Type.Array(PolicyCondition),
    publishedAt: Type.Union([Instant, Type.Null()]),
    updatedAt: Instant,
  },
  { $id: 'Policy' },
);
export type Policy = Static<typeof Policy>;

/** A policy as written by a department (and as the demo seed holds it): the department by name. */
export type PolicyInput = Omit<Policy, 'id' | 'department' | 'publishedAt' | 'updatedAt'> & { department: string };

const pageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
};

export const PolicyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: '关键词，两个汉字即可，如 社保、补贴' })),
    kind: Type.Optional(PolicyKind),
    level: Type.Optional(PolicyLevel),
    department: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '发文部门 id' })),
    tag: Type.Optional(Type.String({ maxLength: 30 })),
    method: Type.Optional(PolicyMethod),
    /** Only policies the caller's bound enterprise matches (仅看我可享). */
    eligible: Type.Optional(Type.Boolean()),
    /** Include expired ones (validTo before today); default: only in force. */
    includeExpired: Type.Optional(Type.Boolean()),
    ...pageQuery,
  },
  { additionalProperties: false },
);
export type PolicyListQuery = Static<typeof PolicyListQuery>;

/** What a list row needs; the full text stays on the detail endpoint. */
export const PolicyListItem = Type.Object({
  id: Id,
  title: Type.String(),
  department: Type.Object({ id: Id, name: Type.String() }),
  level: PolicyLevel,
  kind: PolicyKind,
  method: PolicyMethod,
  tags: Type.Array(Type.String()),
  summary: Type.String(),
  amount: Type.String(),
  validFrom: DateOnly,
  validTo: Type.Union([DateOnly, Type.Null()]),
  expired: Type.Boolean(),
  /** Query terms found in this policy, for highlighting in title and summary. */
  matchedTerms: Type.Array(Type.String()),
});
export type PolicyListItem = Static<typeof PolicyListItem>;

export const PolicyList = Type.Object({ items: Type.Array(PolicyListItem), total: Type.Integer({ minimum: 0 }) });
export type PolicyList = Static<typeof PolicyList>;

export const PolicyDetail = Type.Intersect([Policy, Type.Object({ expired: Type.Boolean() })]);
export type PolicyDetail = Static<typeof PolicyDetail>;

/**
 * The filters a facet count applies: the list's, less paging and 仅看我可享 (facets are public and
 * shared by everyone). Each dimension is counted under all the other filters, never its own.
 */
export const PolicyFacetsQuery = Type.Omit(PolicyListQuery, ['eligible', 'page', 'pageSize'], { additionalProperties: false });
export type PolicyFacetsQuery = Static<typeof PolicyFacetsQuery>;

export const PolicyFacets = Type.Object({
  departments: Type.Array(Type.Object({ id: Id, name: Type.String(), count: Type.Integer() })),
  tags: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })),
});
export type PolicyFacets = Static<typeof PolicyFacets>;

export const ConditionResult = Type.Object({
  condition: PolicyCondition,
  /** null when the enterprise profile lacks the field the condition needs. */
  met: Type.Union([Type.Boolean(), Type.Null()]),
  reason: Type.String(),
});
export type ConditionResult = Static<typeof ConditionResult>;

export const PolicyMatch = Type.Object({
  policy: PolicyListItem,
  matched: Type.Boolean(),
  /** Profile fields to fill in before this policy can be decided. */
  missing: Type.Array(Type.String()),
  conditions: Type.Array(ConditionResult),
});
export type PolicyMatch = Static<typeof PolicyMatch>;

const text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** What staff send to create or edit a policy; status and dates of publication are set by the transitions. */
export const PolicyWrite = Type.Object(
  {
    title: text(100),
    /** 发文部门 id; staff may leave it out (their own department) and may not name another one. */
    departmentId: Type.Optional(Id),
    level: PolicyLevel,
    kind: PolicyKind,
    tags: Type.Array(text(20), { maxItems: 20, default: [] }),
    summary: text(500),
    body: text(20000),
    basisDoc: Type.String({ maxLength: 100, default: '', description: '依据文件文号' }),
    amount: Type.String({ maxLength: 200, default: '' }),
    validFrom: DateOnly,
    validTo: Type.Union([DateOnly, Type.Null()], { default: null }),
    method: PolicyMethod,
    contact: Type.String({ maxLength: 100, default: '' }),
    conditions: Type.Array(PolicyCondition, { maxItems: 20, default: [] }),
  },
  { additionalProperties: false },
);
export type PolicyWrite = Static<typeof PolicyWrite>;

export const AdminPolicyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: '标题或文号中的关键词' })),
    status: Type.Optional(PolicyStatus),
    department: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '发文部门 id（仅管理员可选其他部门）' })),
    ...pageQuery,
  },
  { additionalProperties: false },
);
export type AdminPolicyListQuery = Static<typeof AdminPolicyListQuery>;

export const AdminPolicyItem = Type.Intersect([
  Type.Omit(PolicyListItem, ['matchedTerms']),
  Type.Object({ status: PolicyStatus, basisDoc: Type.String(), publishedAt: Type.Union([Instant, Type.Null()]), updatedAt: Instant }),
]);
export type AdminPolicyItem = Static<typeof AdminPolicyItem>;

export const AdminPolicyList = Type.Object({ items: Type.Array(AdminPolicyItem), total: Type.Integer({ minimum: 0 }) });
export type AdminPolicyList = Static<typeof AdminPolicyList>;

/** One problem in an imported spreadsheet; rows are numbered as the spreadsheet shows them (header = 1). */
export const ImportRowError = Type.Object({ row: Type.Integer({ minimum: 1 }), column: Type.String(), message: Type.String() });
export type ImportRowError = Static<typeof ImportRowError>;

/** Row report of a spreadsheet import. Nothing is stored unless `errors` is empty. */
export const ImportReport = Type.Object({
  created: Type.Integer({ minimum: 0 }),
  skipped: Type.Integer({ minimum: 0, description: '已存在（文号与政策名称相同）而未重复创建的行数' }),
  errors: Type.Array(ImportRowError),
});
export type ImportReport = Static<typeof ImportReport>;

/**
 * Profile fields an enterprise may fill in itself for the 政策计算器, only where the registry has
 * nothing (registeredOn null, the others empty): the registry stays the authority.
 */
export const EnterpriseProfilePatch = Type.Object(
  {
    industry: Type.Optional(text(50)),
    scale: Type.Optional(EnterpriseScale),
    district: Type.Optional(text(50)),
    registeredOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EnterpriseProfilePatch = Static<typeof EnterpriseProfilePatch>;

/**
 * 400 from an import: the usual error body; with code IMPORT_INVALID also the row report (nothing
 * was stored), with IMPORT_FILE (not a readable table of the template's columns) none.
 */
export const ImportRejected = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
  report: Type.Optional(ImportReport),
});
export type ImportRejected = Static<typeof ImportRejected>;
