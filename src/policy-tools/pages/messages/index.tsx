import { MyMessagesScreen } from '@/features/messages/my-messages-screen';

export default function Index() {
  return <MyMessagesScreen />;
}
