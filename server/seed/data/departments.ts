/**
 * Departments of the demo district, 茗溪区 (fictional), in a tea-growing province. Names follow
 * the seed report's 区直职能部门; codes are short stable handles (staff usernames reuse them).
 */
export const departments: { name: string; code: string }[] = [
  { name: '区营商办', code: 'ysb' },
  { name: '区发改委', code: 'fgw' },
  { name: '区财政局', code: 'czj' },
  { name: '区科工局', code: 'kgj' },
  { name: '区市场监管局', code: 'scjg' },
  { name: '区商务局', code: 'swj' },
  { name: '区文广旅局', code: 'wglj' },
  { name: '区林茶局', code: 'lcj' },
  { name: '区人社局', code: 'rsj' },
  { name: '区税务局', code: 'sw' },
  { name: '区政务服务中心', code: 'zwfw' },
  { name: '区司法局', code: 'sfj' },
  { name: '区住建局', code: 'zjj' },
  { name: '区自然资源局', code: 'zrzy' },
];

/** 乡镇（街道） of 茗溪区, used as enterprise districts and in district conditions. */
export const townships = [
  '茶园街道',
  '龙湖街道',
  '东湖街道',
  '溪口镇',
  '云峰镇',
  '白岩镇',
  '梅岭镇',
  '石门镇',
  '凤岗镇',
  '青山乡',
] as const;
