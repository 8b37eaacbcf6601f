/**
 * Abbreviations people type for terms policies spell out (and the reverse). Kept small on
 * purpose: every group must be a true equivalence in policy language, or searches get noisy.
 *
 * Pairs where one side contains the other need no entry (高新 is inside 高新技术, 执照 inside
 * 营业执照, 专精特新 inside 专精特新中小企业): the index holds every 2-character run of the
 * text, so the shorter form is already found.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['社保', '社会保险'],
  ['稳岗', '稳定就业岗位', '稳定岗位'],
  ['贷款', '信贷'],
  ['研发', '研究开发'],
  ['租金', '房租'],
  ['政采', '政府采购'],
];

/** Groups with a member that occurs in the text (as written, Latin case ignored). */
export function groupsInText(text: string): (readonly string[])[] {
  const lower = text.toLowerCase();
  return SYNONYM_GROUPS.filter((group) => group.some((member) => lower.includes(member)));
}
