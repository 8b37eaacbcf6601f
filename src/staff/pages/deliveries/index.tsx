import { StaffQueueScreen } from '@/features/delivery/staff-queue-screen';

export default function Index() {
  return <StaffQueueScreen />;
}
