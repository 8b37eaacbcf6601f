import { BindScreen } from '@/features/enterprise/bind-screen';

export default function Index() {
  return <BindScreen />;
}
