import { seedUscc } from './enterprises';

/**
 * 2026 区重点项目 (fictional), each served by one department and owned by a seed enterprise.
 * Stages are the points at which the owner rates the service (一事多评: one rating per stage).
 */
export const projects: { name: string; department: string; enterpriseUscc: string; stages: string[] }[] = [
  {
    name: '年产5万吨茶饮料生产线项目',
    department: '区科工局',
    enterpriseUscc: seedUscc('MA35G38N'),
    stages: ['立项审批', '用地审批', '施工许可', '竣工验收'],
  },
  {
    name: '云峰万亩生态茶园提升工程',
    department: '区林茶局',
    enterpriseUscc: seedUscc('70512036'),
    stages: ['立项审批', '林地使用审批', '施工建设', '竣工验收'],
  },
  {
    name: '智能装备产业园二期项目',
    department: '区发改委',
    enterpriseUscc: seedUscc('77830164'),
    stages: ['立项审批', '用地审批', '规划许可', '施工许可', '竣工验收'],
  },
  {
    name: '华宇电子高端电路板扩产项目',
    department: '区科工局',
    enterpriseUscc: seedUscc('MA2YM38L'),
    stages: ['备案', '环评审批', '施工许可', '竣工验收'],
  },
  {
    name: '嘉禾药业GMP车间技术改造项目',
    department: '区市场监管局',
    enterpriseUscc: seedUscc('70815243'),
    stages: ['备案', '施工许可', '药品生产许可变更', '竣工验收'],
  },
  {
    name: '茶园街道城市更新安置房项目',
    department: '区住建局',
    enterpriseUscc: seedUscc('76234509'),
    stages: ['立项审批', '用地审批', '施工许可', '竣工验收'],
  },
  {
    name: '梅岭茶旅融合度假区项目',
    department: '区文广旅局',
    enterpriseUscc: seedUscc('MA32C58W'),
    stages: ['立项审批', '用地审批', '施工许可', '开业运营'],
  },
  {
    name: '新程新能源储能电池生产基地',
    department: '区自然资源局',
    enterpriseUscc: seedUscc('MA32Y84J'),
    stages: ['立项审批', '用地审批', '规划许可', '施工许可', '竣工验收'],
  },
];
