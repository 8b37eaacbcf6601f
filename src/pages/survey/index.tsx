import { useRouter } from '@tarojs/taro';
import { SurveyScreen } from '@/features/survey/survey-screen';

export default function Index() {
  const { params } = useRouter();
  return <SurveyScreen params={params} />;
}
