import { BenefitsAdminScreen } from '@/features/benefits/staff/benefits-admin-screen';

export default function Index() {
  return <BenefitsAdminScreen />;
}
