import { AppealsScreen } from '@/features/rectification/appeals-screen';

export default function Index() {
  return <AppealsScreen />;
}
