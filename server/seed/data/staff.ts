/**
 * Demo staff accounts (fictional people). Usernames reuse department codes so a tester can
 * guess them; passwords are set by the seed script, not here.
 */
export const staff: { username: string; displayName: string; role: 'staff' | 'visitor' | 'admin'; department: string | null }[] = [
  { username: 'admin', displayName: '林晓岚', role: 'admin', department: '区营商办' },
  { username: 'ysb', displayName: '陈思远', role: 'staff', department: '区营商办' },
  { username: 'fgw', displayName: '黄立伟', role: 'staff', department: '区发改委' },
  { username: 'czj', displayName: '郑雅琴', role: 'staff', department: '区财政局' },
  { username: 'kgj', displayName: '吴建平', role: 'staff', department: '区科工局' },
  { username: 'kgj2', displayName: '许嘉欣', role: 'staff', department: '区科工局' },
  { username: 'scjg', displayName: '刘晓东', role: 'staff', department: '区市场监管局' },
  { username: 'swj', displayName: '杨丽华', role: 'staff', department: '区商务局' },
  { username: 'wglj', displayName: '蔡文博', role: 'staff', department: '区文广旅局' },
  { username: 'lcj', displayName: '张茗芳', role: 'staff', department: '区林茶局' },
  { username: 'rsj', displayName: '王海燕', role: 'staff', department: '区人社局' },
  { username: 'rsj2', displayName: '李俊杰', role: 'staff', department: '区人社局' },
  { username: 'sw', displayName: '周志明', role: 'staff', department: '区税务局' },
  { username: 'zwfw', displayName: '高雪梅', role: 'staff', department: '区政务服务中心' },
  { username: 'zwfw2', displayName: '方子豪', role: 'staff', department: '区政务服务中心' },
  { username: 'sfj', displayName: '潘志刚', role: 'staff', department: '区司法局' },
  { username: 'zjj', displayName: '谢振华', role: 'staff', department: '区住建局' },
  { username: 'zrzy', displayName: '邱国庆', role: 'staff', department: '区自然资源局' },
  { username: 'visitor1', displayName: '游晓峰', role: 'visitor', department: '区营商办' },
  { username: 'visitor2', displayName: '严美玲', role: 'visitor', department: '区科工局' },
  { username: 'visitor3', displayName: '钟伟', role: 'visitor', department: null },
];
