import { StaffHomeScreen } from '@/features/auth/staff-home-screen';

export default function Index() {
  return <StaffHomeScreen />;
}
