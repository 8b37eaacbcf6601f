/**
 * 免申即享 benefit statuses and their labels, free of TypeBox so the mini-program can show them
 * without pulling the schema builder into its main package. ./benefit builds its schemas from
 * these and re-exports them for the server.
 *
 * matched → publicized (公示: basis, data used, amount shown before payment)
 *         → confirmed | objected (reason; staff revise → publicized again)
 * confirmed → paid (兑现: amount, date) → archived.
 */
export const BENEFIT_STATUSES = ['matched', 'publicized', 'confirmed', 'objected', 'paid', 'archived'] as const;

export const BENEFIT_STATUS_LABELS: Record<(typeof BENEFIT_STATUSES)[number], string> = {
  matched: '已匹配',
  publicized: '公示中',
  confirmed: '已确认',
  objected: '有异议',
  paid: '已兑现',
  archived: '已归档',
};
