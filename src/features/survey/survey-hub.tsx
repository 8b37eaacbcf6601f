import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { scanToRate } from '@/features/visits/scan';
import { isWeapp } from '@/lib/wx/env';

/** 服务评价 without a target: scan a visit's code, or find where to rate. */
export function SurveyHub({ autoScan }: { autoScan: boolean }) {
  useEffect(() => {
    if (autoScan && isWeapp) void scanToRate();
  }, [autoScan]);

  return (
    <View>
      <View className="yst-header">
        <Text className="yst-header__title">服务评价</Text>
        <Text className="yst-header__subtitle">您的每一条评价都会被认真对待，差评必回访、必整改</Text>
      </View>
      <View className="yst-field">
        <Text className="yst-field__label">走访评价</Text>
        {isWeapp ? (
          <View className="yst-actions">
            <Button type="primary" block size="large" onClick={() => void scanToRate()}>
              扫一扫评价码
            </Button>
          </View>
        ) : (
          <Text className="yst-field__hint">请用手机微信扫描走访人员出示的评价码，或直接打开其提供的评价链接。</Text>
        )}
      </View>
      <CellGroup title="其他评价入口">
        <Cell title="证照递送服务" description="递送完成后，在“我的预约”中点击“去评价”" />
        <Cell title="我的工单" description="查看差评的回访与整改进展" clickable onClick={() => void Taro.navigateTo({ url: '/pages/tickets/index' })} />
      </CellGroup>
    </View>
  );
}
