import { useRouter } from '@tarojs/taro';
import { DetailScreen } from '@/features/delivery/detail-screen';

export default function Detail() {
  const { params } = useRouter();
  return <DetailScreen id={Number(params.id)} />;
}
