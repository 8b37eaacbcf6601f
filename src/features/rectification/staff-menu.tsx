import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { Role } from '@contract/common';

interface Entry {
  title: string;
  description: string;
  url: string;
  roles: readonly Role[];
}

const ENTRIES: readonly Entry[] = [
  { title: '整改台账', description: '差评工单回访、整改、申诉', url: '/staff/pages/tickets/index', roles: ['staff', 'admin'] },
  { title: '申诉复核', description: '复核部门提出的申诉', url: '/staff/pages/appeals/index', roles: ['admin'] },
  { title: '工作提醒函', description: '逾期事项提醒函，可打印', url: '/staff/pages/reminders/index', roles: ['staff', 'admin'] },
  { title: '满意度统计', description: '满意率、回访率、按时整改率及趋势', url: '/staff-stats/pages/satisfaction/index', roles: ['staff', 'admin'] },
  { title: '季度工作数据', description: '报告所需各项数据及明细', url: '/staff/pages/reports/index', roles: ['admin'] },
];

/** 满意度与整改 entries of the staff home, by role (visitors have none). */
export function RectificationMenu({ role }: { role: Role }) {
  const entries = ENTRIES.filter((e) => e.roles.includes(role));
  if (entries.length === 0) return null;
  return (
    <CellGroup title="满意度与整改">
      {entries.map((e) => (
        <Cell key={e.url} title={e.title} description={e.description} clickable onClick={() => void Taro.navigateTo({ url: e.url })} />
      ))}
    </CellGroup>
  );
}
