import { RemindersScreen } from '@/features/rectification/reminders-screen';

export default function Index() {
  return <RemindersScreen />;
}
