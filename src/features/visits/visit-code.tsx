import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { isWeapp } from '@/lib/wx/env';
import { showErrorToast, showSuccessToast } from '@/lib/wx/ui';
import { qrTextFor, VisitQr } from './visit-qr';
import { WxaCodeOrQr } from './wxa-code';

interface VisitCodeProps {
  visit: { id: number; miniProgramPath: string; h5Url: string };
  enterpriseName: string;
  stage: string;
}

/**
 * The code the owner scans: in WeChat the 小程序码 (plain QR of the path if it cannot be had), in a browser
 * the QR of the H5 link and the link itself (to send when scanning is not possible).
 */
export function VisitCode({ visit, enterpriseName, stage }: VisitCodeProps) {
  const text = qrTextFor(visit);
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: text });
      showSuccessToast('链接已复制');
    } catch {
      showErrorToast('复制失败，请长按链接手动复制');
    }
  };
  return (
    <View className="yst-vs-visit-code">
      <Text className="yst-vs-visit-code__title">{enterpriseName}</Text>
      <Text className="yst-vs-visit-code__stage">{stage}</Text>
      {isWeapp ? <WxaCodeOrQr visitId={visit.id} text={text} /> : <VisitQr text={text} caption="请企业负责人用手机扫码，或打开下方链接评价" />}
      {isWeapp ? null : (
        <View className="yst-vs-visit-code__link">
          <Text className="yst-vs-visit-code__url" userSelect>
            {text}
          </Text>
          <Button size="small" fill="outline" onClick={() => void copy()}>
            复制链接
          </Button>
        </View>
      )}
      <Text className="yst-field__hint">评价由企业独立填写，您只能看到是否已评价，看不到评分和意见。</Text>
    </View>
  );
}
