import { useRouter } from '@tarojs/taro';
import { ThreadScreen } from '@/features/messages/thread-screen';

/** Route parameters arrive as strings; anything not a positive integer is treated as absent. */
const idParam = (value: string | undefined) => (value && /^[1-9]\d*$/.test(value) ? Number(value) : undefined);

export default function Index() {
  const { params } = useRouter();
  return <ThreadScreen id={idParam(params.id)} policyId={idParam(params.policyId)} benefitId={idParam(params.benefitId)} />;
}
