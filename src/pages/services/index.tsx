import { ServicesScreen } from '@/features/services/services-screen';

export default function Index() {
  return <ServicesScreen />;
}
