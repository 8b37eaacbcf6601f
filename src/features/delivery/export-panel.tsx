import { useState } from 'react';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { errorMessage } from '@/lib/api/api-error';
import { showErrorToast, showSuccessToast } from '@/lib/wx/ui';
import { downloadFile, type DownloadFormat } from '@/lib/wx/file';
import { exportRequest } from './api';
import { Choice, FieldError } from './choice';
import { addDays, chinaToday } from '@/lib/china-time';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Records of a date range as .xlsx or .csv (phone and address masked unless the server says the role may see them). */
export function ExportPanel() {
  const today = chinaToday();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(addDays(today, 14));
  const [format, setFormat] = useState<DownloadFormat>('xlsx');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!DATE.test(from) || !DATE.test(to)) return setError('日期格式应为 YYYY-MM-DD');
    if (to < from) return setError('结束日期不能早于开始日期');
    setError(undefined);
    setBusy(true);
    try {
      await downloadFile(exportRequest(from, to, format));
      showSuccessToast('已导出');
    } catch (e) {
      showErrorToast(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="yst-field">
      <Text className="yst-field__label">导出递送记录</Text>
      <View className="yst-export-range">
        <Input name="exportFrom" value={from} placeholder="开始日期 YYYY-MM-DD" maxLength={10} onChange={setFrom} />
        <Text className="yst-export-range__to">至</Text>
        <Input name="exportTo" value={to} placeholder="结束日期 YYYY-MM-DD" maxLength={10} onChange={setTo} />
      </View>
      <View className="yst-choices">
        <Choice label="Excel（.xlsx）" checked={format === 'xlsx'} onPick={() => setFormat('xlsx')} />
        <Choice label="CSV（.csv）" checked={format === 'csv'} onPick={() => setFormat('csv')} />
      </View>
      <FieldError message={error} testId="export-error" />
      <Text className="yst-field__hint">按预约日期导出；非管理员导出的电话与地址为打码内容，每次导出均有记录。</Text>
      <View className="yst-actions">
        <Button block loading={busy} onClick={() => void run()}>
          导出
        </Button>
      </View>
    </View>
  );
}
