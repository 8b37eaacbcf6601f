/**
 * Policy values the app needs at run time (filters, the staff editor, the import template), free of
 * TypeBox so the mini-program can import them without pulling the schema builder into its main
 * package. ./policy builds its schemas from these and re-exports them for the server.
 */

export const POLICY_LEVELS = ['区', '市', '省'] as const;
export const POLICY_KINDS = ['减免', '奖补', '权益', '资质'] as const;
export const POLICY_METHODS = ['免申即享', '快申快享'] as const;
export const POLICY_STATUSES = ['draft', 'published', 'withdrawn'] as const;

/** Policy import columns, in the template's order. */
export const POLICY_IMPORT_COLUMNS = [
  '政策名称',
  '发文部门',
  '层级',
  '类型',
  '标签',
  '摘要',
  '正文',
  '文号',
  '金额',
  '开始日期',
  '结束日期',
  '兑现方式',
  '联系方式',
] as const;
