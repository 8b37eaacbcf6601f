/**
 * The Chinese labels of the satisfaction contract (types/satisfaction.ts), with no TypeBox import so the
 * mini-program can use them at run time. test/src/rectification/labels.test.ts keeps both files equal.
 */
export const SCORE_TEXT: Readonly<Record<number, string>> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

export const DIMENSION_TEXT = {
  overall: '整体满意度',
  efficiency: '服务效率',
  level: '服务水平',
  attitude: '服务态度',
} as const;
export const DIMENSION_KEYS = ['overall', 'efficiency', 'level', 'attitude'] as const;

export const TICKET_STATUS_TEXT = {
  open: '待回访',
  called_back: '已回访待整改',
  rectified: '已整改待确认',
  reopened: '企业退回重办',
  appealing: '申诉复核中',
  closed: '已办结',
  voided: '申诉成立已核销',
} as const;
export const TICKET_STATUS_KEYS = ['open', 'called_back', 'rectified', 'reopened', 'appealing', 'closed', 'voided'] as const;
