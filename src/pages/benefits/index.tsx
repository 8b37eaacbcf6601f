import { BenefitsScreen } from '@/features/benefits/benefits-screen';

export default function Index() {
  return <BenefitsScreen />;
}
