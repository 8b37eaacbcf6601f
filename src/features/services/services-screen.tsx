import { Empty } from '@nutui/nutui-react-taro';
import { Page } from '@/components/page';

export function ServicesScreen() {
  return (
    <Page title="办事">
      <Empty title="证照递送与服务评价即将上线" description="届时可预约营业执照、印章等证照上门递送，并对办事服务进行评价" />
    </Page>
  );
}
