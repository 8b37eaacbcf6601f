import { QuarterlyScreen } from '@/features/stats/quarterly-screen';

export default function Index() {
  return <QuarterlyScreen />;
}
