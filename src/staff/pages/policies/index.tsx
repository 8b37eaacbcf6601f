import { AdminPoliciesScreen } from '@/features/policies/staff/admin-policies-screen';

export default function Index() {
  return <AdminPoliciesScreen />;
}
