import { useRouter } from '@tarojs/taro';
import { StaffDetailScreen } from '@/features/delivery/staff-detail-screen';

export default function Detail() {
  const { params } = useRouter();
  return <StaffDetailScreen id={Number(params.id)} />;
}
