import { MeScreen } from '@/features/me/me-screen';

export default function Index() {
  return <MeScreen />;
}
