import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Role } from '@contract/common';
import { logout } from './api';
import { STAFF_LOGIN_PAGE, StaffGate } from './staff-gate';
import { RectificationMenu } from '@/features/rectification/staff-menu';
import { PolicyMenu } from '@/features/policies/staff/staff-menu';
import { VisitMenu } from '@/features/visits/staff-menu';
import { DeliveryMenu } from '@/features/delivery/staff-menu';

const ROLE_NAMES: Record<Role, string> = {
  enterprise: '企业用户',
  visitor: '走访人员',
  staff: '部门工作人员',
  admin: '营商办管理员',
};
const STAFF_ROLES: readonly Role[] = ['visitor', 'staff', 'admin'];

export function StaffHomeScreen() {
  const signOut = async () => {
    await logout();
    await Taro.redirectTo({ url: STAFF_LOGIN_PAGE });
  };

  return (
    <StaffGate title="工作台" roles={STAFF_ROLES}>
      {(user) => (
        <>
          <View className="yst-header">
            <Text className="yst-header__title">{user.displayName}，您好</Text>
            <Text className="yst-header__subtitle">{user.department?.name ?? '营商办'}</Text>
          </View>
          <CellGroup>
            <Cell title="姓名" extra={user.displayName} />
            <Cell title="角色" extra={ROLE_NAMES[user.role]} />
            <Cell title="所属部门" extra={user.department?.name ?? '无（全区）'} />
          </CellGroup>
          <RectificationMenu role={user.role} />
          <PolicyMenu role={user.role} />
          <VisitMenu role={user.role} />
          <DeliveryMenu role={user.role} />
          <View className="yst-actions">
            <Button block onClick={() => void signOut()}>
              退出登录
            </Button>
          </View>
        </>
      )}
    </StaffGate>
  );
}
