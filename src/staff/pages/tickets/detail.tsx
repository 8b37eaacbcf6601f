import { useRouter } from '@tarojs/taro';
import { TicketDetailScreen } from '@/features/rectification/ticket-detail-screen';

export default function Detail() {
  const { params } = useRouter();
  return <TicketDetailScreen id={Number(params.id)} />;
}
