import { NewVisitScreen } from '@/features/visits/new-visit-screen';

export default function New() {
  return <NewVisitScreen />;
}
