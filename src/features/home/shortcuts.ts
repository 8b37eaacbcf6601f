export interface Shortcut {
  label: string;
  /** One character drawn in the tile; keeps the main package free of icon images. */
  glyph: string;
  /** A tab page to switch to, or null when the feature is not built yet. */
  tab: string | null;
}

export const SHORTCUTS: Shortcut[] = [
  { label: '政策查询', glyph: '策', tab: '/pages/policies/index' },
  { label: '证照递送', glyph: '递', tab: '/pages/services/index' },
  { label: '服务评价', glyph: '评', tab: '/pages/services/index' },
  { label: '我的工单', glyph: '单', tab: null },
];
