import { ImportScreen } from '@/features/policies/staff/import-screen';

export default function Index() {
  return <ImportScreen />;
}
