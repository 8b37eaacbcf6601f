import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { Role } from '@contract/common';
import { STAFF_DELIVERY_PAGES } from './routes';

/** 证照递送 on the staff home; the server lets only the handling department (and admin) process it. */
export function DeliveryMenu({ role }: { role: Role }) {
  if (role !== 'staff' && role !== 'admin') return null;
  return (
    <CellGroup title="证照递送">
      <Cell
        title="递送工作台"
        description="按日期、时段、状态处理递送预约，导出记录"
        clickable
        onClick={() => void Taro.navigateTo({ url: STAFF_DELIVERY_PAGES.queue })}
      />
    </CellGroup>
  );
}
