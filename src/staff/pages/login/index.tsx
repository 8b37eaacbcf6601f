import { StaffLoginScreen } from '@/features/auth/staff-login-screen';

export default function Index() {
  return <StaffLoginScreen />;
}
