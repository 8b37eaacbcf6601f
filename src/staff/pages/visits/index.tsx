import { VisitsScreen } from '@/features/visits/visits-screen';

export default function Index() {
  return <VisitsScreen />;
}
