export interface Shortcut {
  label: string;
  /** One character drawn in the tile; keeps the main package free of icon images. */
  glyph: string;
  /** A tab page to switch to, or null when the feature is not built yet. */
  tab: string | null;
  /** A non-tab page to open instead (navigateTo). */
  page?: string;
}

export const SHORTCUTS: Shortcut[] = [
  { label: '政策查询', glyph: '策', tab: '/pages/policies/index' },
  { label: '我的享受', glyph: '享', tab: null, page: '/pages/benefits/index' },
  { label: '政策计算器', glyph: '算', tab: null, page: '/policy-tools/pages/calculator/index' },
  { label: '证照递送', glyph: '递', tab: null, page: '/pages/delivery/book' },
  { label: '服务评价', glyph: '评', tab: null, page: '/pages/survey/index' },
  { label: '我的工单', glyph: '单', tab: null, page: '/pages/tickets/index' },
];
