import { HomeScreen } from '@/features/home/home-screen';

export default function Index() {
  return <HomeScreen />;
}
