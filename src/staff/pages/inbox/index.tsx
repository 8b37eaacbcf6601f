import { InboxScreen } from '@/features/messages/staff/inbox-screen';

export default function Index() {
  return <InboxScreen />;
}
