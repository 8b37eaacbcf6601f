import { MyTicketsScreen } from '@/features/tickets/my-tickets-screen';

export default function Index() {
  return <MyTicketsScreen />;
}
