import { Empty } from '@nutui/nutui-react-taro';
import { Page } from '@/components/page';

export function PoliciesScreen() {
  return (
    <Page title="政策">
      <Empty title="政策查询即将上线" description="届时可按关键词、部门、类别检索本区惠企政策，并查看本企业可享受的政策" />
    </Page>
  );
}
