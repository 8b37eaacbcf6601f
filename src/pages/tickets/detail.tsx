import { useRouter } from '@tarojs/taro';
import { TicketDetailScreen } from '@/features/tickets/ticket-detail-screen';

export default function Detail() {
  const { params } = useRouter();
  const id = Number(params.id);
  return <TicketDetailScreen id={Number.isInteger(id) && id > 0 ? id : null} />;
}
