/** Enterprise values shared at run time by the app and the server, free of TypeBox (see ./enterprise). */

/** Largest first: the 政策计算器 names a contiguous range of them as 中小微企业. */
export const ENTERPRISE_SCALES = ['大型', '中型', '小型', '微型'] as const;
