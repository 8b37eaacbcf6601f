import { PoliciesScreen } from '@/features/policies/policies-screen';

export default function Index() {
  return <PoliciesScreen />;
}
