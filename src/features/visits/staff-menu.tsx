import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { Role } from '@contract/common';

const go = (url: string) => () => void Taro.navigateTo({ url });

/** 走访评价 on the staff home: every district role may visit an enterprise. */
export function VisitMenu({ role }: { role: Role }) {
  if (role !== 'visitor' && role !== 'staff' && role !== 'admin') return null;
  return (
    <CellGroup title="走访评价">
      <Cell title="发起走访" description="选择企业，现场出示评价码" clickable onClick={go('/staff/pages/visits/new')} />
      <Cell title="我的走访" description="查看企业是否已评价" clickable onClick={go('/staff/pages/visits/index')} />
    </CellGroup>
  );
}
