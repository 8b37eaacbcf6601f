import { useEffect, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import type { ReminderLetterPrint } from '@contract/satisfaction';
import { errorMessage } from '@/lib/api/api-error';
import { isH5 } from '@/lib/wx/env';
import { StaffGate } from '@/features/auth/staff-gate';
import { getReminderLetter } from './api';
import './rectification.scss';
import './print.scss';

/** The letter as it is printed: the text comes ready from the API, the page only lays it out. */
export function LetterSheet({ data }: { data: ReminderLetterPrint }) {
  return (
    <View className="yst-letter" data-testid="letter">
      <Text className="yst-letter__title">{data.title}</Text>
      <Text className="yst-letter__number">{data.letter.number}</Text>
      <Text className="yst-letter__salutation">{data.salutation}</Text>
      {data.paragraphs.map((p, i) => (
        <Text key={i} className="yst-letter__paragraph">
          {p}
        </Text>
      ))}
      <View className="yst-letter__sign">
        <Text className="yst-letter__issuer">{data.issuer}</Text>
        <Text className="yst-letter__date">{data.dateText}</Text>
      </View>
    </View>
  );
}

function Letter({ id }: { id: number }) {
  const [data, setData] = useState<ReminderLetterPrint | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getReminderLetter(id)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id]);

  if (error) return <Empty title="无法打开提醒函" description={error} />;
  if (!data) return <Text className="yst-note">加载中…</Text>;
  return (
    <View>
      <LetterSheet data={data} />
      {isH5 ? (
        <View className="yst-actions yst-no-print">
          <Button type="primary" block onClick={() => window.print()}>
            打印
          </Button>
        </View>
      ) : (
        <Text className="yst-note">如需打印，请在电脑浏览器中登录营商通打开本函。</Text>
      )}
    </View>
  );
}

export function ReminderLetterScreen({ id }: { id: number }) {
  return (
    <StaffGate title="工作提醒函" roles={['staff', 'admin']} deniedText="工作提醒函仅供部门工作人员和营商办查看">
      {() => (Number.isInteger(id) && id > 0 ? <Letter id={id} /> : <Empty title="提醒函编号无效" />)}
    </StaffGate>
  );
}
