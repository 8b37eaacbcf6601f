import { useRouter } from '@tarojs/taro';
import { ReminderLetterScreen } from '@/features/rectification/reminder-letter-screen';

export default function Letter() {
  const { params } = useRouter();
  return <ReminderLetterScreen id={Number(params.id)} />;
}
