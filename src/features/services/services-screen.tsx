import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Page } from '@/components/page';

const go = (url: string) => () => void Taro.navigateTo({ url });

export function ServicesScreen() {
  return (
    <Page title="办事">
      <CellGroup title="证照递送">
        <Cell
          title="预约证照递送"
          description="营业执照正副本、印章、许可证，工作日送达、取送或窗口自取"
          clickable
          onClick={go('/pages/delivery/book')}
        />
        <Cell title="我的递送预约" description="查看进度、取消或改约、评价递送服务" clickable onClick={go('/pages/delivery/list')} />
      </CellGroup>
      <CellGroup title="服务评价">
        <Cell title="扫一扫评价" description="扫描走访人员出示的评价码，现场评价" clickable onClick={go('/pages/survey/index?scan=1')} />
        <Cell title="我的工单" description="差评的回访、整改进展，确认或退回" clickable onClick={go('/pages/tickets/index')} />
      </CellGroup>
    </Page>
  );
}
