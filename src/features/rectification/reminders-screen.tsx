import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { User } from '@contract/auth';
import type { ReminderLetterPage } from '@contract/satisfaction';
import { errorMessage } from '@/lib/api/api-error';
import { showErrorToast, showSuccessToast } from '@/lib/wx/ui';
import { usePagedList } from '@/lib/use-paged-list';
import { StaffGate } from '@/features/auth/staff-gate';
import { Row } from '@/components/row';
import { listReminderLetters, runReminders } from './api';
import { PagedCards } from './paged-cards';
import { chinaDateTime } from '@/lib/china-time';
import './rectification.scss';

type LetterSummary = ReminderLetterPage['items'][number];

export const letterUrl = (id: number) => `/staff/pages/reminders/letter?id=${id}`;

function LetterCard({ letter }: { letter: LetterSummary }) {
  const counts = [letter.ticketCount > 0 ? `逾期工单 ${letter.ticketCount} 件` : '', letter.messageCount > 0 ? `逾期留言 ${letter.messageCount} 条` : '']
    .filter(Boolean)
    .join('，');
  return (
    <View className="yst-card" ariaRole="link" ariaLabel={letter.number} onClick={() => void Taro.navigateTo({ url: letterUrl(letter.id) })}>
      <Text className="yst-ticket__title">{letter.number}</Text>
      <Row label="致" value={letter.department.name} />
      <Row label="提醒事项" value={counts || '无'} />
      <Row label="生成时间" value={chinaDateTime(letter.createdAt)} />
    </View>
  );
}

function RunNow({ onDone }: { onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const result = await runReminders();
      showSuccessToast(result.created > 0 ? `新生成 ${result.created} 份` : '今日无新提醒函');
      onDone();
    } catch (e) {
      showErrorToast(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="yst-actions">
      <Button type="primary" fill="outline" block loading={busy} disabled={busy} onClick={() => void run()}>
        立即检查逾期并生成今日提醒函
      </Button>
    </View>
  );
}

function Reminders({ user }: { user: User }) {
  const list = usePagedList('letters', listReminderLetters);
  return (
    <View>
      <View className="yst-header">
        <Text className="yst-header__title">工作提醒函</Text>
        <Text className="yst-header__subtitle">{user.role === 'admin' ? '逾期工单和留言，按部门每日一函' : `${user.department?.name ?? ''} 收到的提醒函`}</Text>
      </View>
      {user.role === 'admin' ? <RunNow onDone={list.reload} /> : null}
      <PagedCards list={list} emptyTitle="暂无工作提醒函">
        {(l) => <LetterCard key={l.id} letter={l} />}
      </PagedCards>
    </View>
  );
}

export function RemindersScreen() {
  return (
    <StaffGate title="工作提醒函" roles={['staff', 'admin']} deniedText="工作提醒函仅供部门工作人员和营商办查看">
      {(user) => <Reminders user={user} />}
    </StaffGate>
  );
}
