/**
 * The Chinese labels of the satisfaction contract and the lists they are keyed by, with no TypeBox
 * import so the mini-program can use them at run time. ./satisfaction builds its schemas from these
 * and re-exports them for the server: one copy, so app and server always say the same thing.
 */

/** Five levels as in GB/T 39734-2020 (政务服务“好差评”). */
export const SCORE_LABELS = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } as const;

export const RATING_DIMENSIONS = ['overall', 'efficiency', 'level', 'attitude'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<RatingDimension, string> = {
  overall: '整体满意度',
  efficiency: '服务效率',
  level: '服务水平',
  attitude: '服务态度',
};

export const TICKET_STATUSES = ['open', 'called_back', 'rectified', 'reopened', 'appealing', 'closed', 'voided'] as const;
/** Statuses nothing more happens to: the ledger's 已办结; every other status is 未办结. */
export const TICKET_FINISHED_STATUSES: readonly (typeof TICKET_STATUSES)[number][] = ['closed', 'voided'];
export const TICKET_STATUS_LABELS: Record<(typeof TICKET_STATUSES)[number], string> = {
  open: '待回访',
  called_back: '已回访待整改',
  rectified: '已整改待确认',
  reopened: '企业退回重办',
  appealing: '申诉复核中',
  closed: '已办结',
  voided: '申诉成立已核销',
};

/** Statuses in which the responsible department may still need to call the rater (GET /tickets/:id/contact). */
export const TICKET_CONTACT_STATUSES = ['open', 'called_back', 'reopened', 'rectified'] as const;

/** Suggested categories for the problem report; any short text is accepted. */
export const PROBLEM_CATEGORIES = ['办事效率', '服务态度', '政策落实', '材料要求', '收费问题', '其他'] as const;

// The names the staff screens (src/features/rectification) were written against; same objects.
export const SCORE_TEXT: Readonly<Record<number, string>> = SCORE_LABELS;
export const DIMENSION_TEXT = DIMENSION_LABELS;
export const DIMENSION_KEYS = RATING_DIMENSIONS;
export const TICKET_STATUS_TEXT = TICKET_STATUS_LABELS;
export const TICKET_STATUS_KEYS = TICKET_STATUSES;
