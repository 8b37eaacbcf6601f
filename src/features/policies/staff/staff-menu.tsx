import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { Role } from '@contract/common';
import { STAFF_BENEFITS_PAGE, STAFF_IMPORT_PAGE, STAFF_INBOX_PAGE, STAFF_POLICIES_PAGE } from '../routes';

const go = (url: string) => () => void Taro.navigateTo({ url });

/** The staff home's 惠企政策 section: policies, imports, 兑现, and the message inbox. */
export function PolicyMenu({ role }: { role: Role }) {
  if (role !== 'staff' && role !== 'admin') return null;
  return (
    <CellGroup title="惠企政策">
      <Cell title="政策管理" description="新建、编辑、发布、撤回" clickable onClick={go(STAFF_POLICIES_PAGE)} />
      <Cell title="批量导入" description="政策与兑现名单（.xlsx / .csv）" clickable onClick={go(STAFF_IMPORT_PAGE)} />
      <Cell title="兑现管理" description="绑定企业、公示、登记兑现" clickable onClick={go(STAFF_BENEFITS_PAGE)} />
      <Cell title="留言处理" description="超期的排在最前" clickable onClick={go(STAFF_INBOX_PAGE)} />
    </CellGroup>
  );
}
