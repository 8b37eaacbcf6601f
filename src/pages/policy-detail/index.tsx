import { useRouter } from '@tarojs/taro';
import { PolicyDetailScreen } from '@/features/policies/policy-detail-screen';

/** Route parameters arrive as strings; anything not a positive integer is treated as absent. */
const idParam = (value: string | undefined) => (value && /^[1-9]\d*$/.test(value) ? Number(value) : undefined);

export default function Index() {
  const { params } = useRouter();
  return <PolicyDetailScreen id={idParam(params.id) ?? 0} />;
}
