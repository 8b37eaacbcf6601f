import { useMemo, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { User } from '@contract/auth';
import type { TicketProgress, TicketStatus } from '@contract/satisfaction';
import { TICKET_FINISHED_STATUSES, TICKET_STATUS_KEYS, TICKET_STATUS_TEXT } from '@contract/satisfaction-labels';
import { errorMessage } from '@/lib/api/api-error';
import { chinaToday } from '@/lib/china-time';
import { showErrorToast } from '@/lib/wx/ui';
import { downloadFile, type DownloadFormat } from '@/lib/wx/file';
import { usePagedList } from '@/lib/use-paged-list';
import { StaffGate } from '@/features/auth/staff-gate';
import { ledgerQuery, listTickets, type LedgerFilter } from './api';
import { ChipGroup, type ChipOption } from './chip-group';
import { useTicketDepartments } from './departments';
import { PagedCards } from './paged-cards';
import { TicketCard } from './ticket-card';
import './rectification.scss';
import { useOnReturn } from '@/lib/use-on-return';

const inHalf = (progress: TicketProgress | undefined, status: TicketStatus) =>
  progress === undefined || TICKET_FINISHED_STATUSES.includes(status) === (progress === 'finished');

// Staff open the ledger to work it: what still needs handling comes first, finished tickets one tap away.
const INITIAL_FILTER: LedgerFilter = { progress: 'unfinished' };
const PROGRESS_OPTIONS: ChipOption<TicketProgress | undefined>[] = [
  { value: 'unfinished', label: '未办结' },
  { value: 'finished', label: '已办结' },
  { value: undefined, label: '全部' },
];
/** Only the statuses of the chosen half: any other would always list nothing. */
const statusOptions = (progress: TicketProgress | undefined): ChipOption<TicketStatus | undefined>[] => [
  { value: undefined, label: '全部状态' },
  ...TICKET_STATUS_KEYS.filter((s) => inHalf(progress, s)).map((s) => ({ value: s, label: TICKET_STATUS_TEXT[s] })),
];
const OVERDUE_OPTIONS: ChipOption<'yes' | undefined>[] = [
  { value: undefined, label: '不限' },
  { value: 'yes', label: '仅看逾期' },
];

function LedgerExport({ filter }: { filter: LedgerFilter }) {
  const [busy, setBusy] = useState<DownloadFormat | null>(null);
  const download = async (format: DownloadFormat) => {
    setBusy(format);
    try {
      await downloadFile({ path: '/api/v1/admin/tickets/export', query: { ...ledgerQuery(filter), format }, fileName: `整改台账-${chinaToday()}.${format}`, format });
    } catch (e) {
      showErrorToast(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="yst-ledger__export">
      <Button size="small" type="primary" fill="outline" loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void download('xlsx')}>
        导出 Excel
      </Button>
      <Button size="small" fill="outline" loading={busy === 'csv'} disabled={busy !== null} onClick={() => void download('csv')}>
        导出 CSV
      </Button>
    </View>
  );
}

function Ledger({ user }: { user: User }) {
  const isAdmin = user.role === 'admin';
  const [filter, setFilter] = useState<LedgerFilter>(INITIAL_FILTER);
  const departments = useTicketDepartments(isAdmin);
  const departmentOptions = useMemo<ChipOption<number | undefined>[]>(
    () => [{ value: undefined, label: '全部部门' }, ...departments.map((d) => ({ value: d.id, label: d.name }))],
    [departments],
  );
  const list = usePagedList(JSON.stringify(filter), (page) => listTickets(filter, page));
  const now = new Date();

  // Coming back from a ticket after acting on it: the list must show the new status.
  useOnReturn(list.reload);

  const change = (patch: Partial<LedgerFilter>) => setFilter((f) => ({ ...f, ...patch }));
  // A finished ticket's deadline no longer runs, so 已办结 drops 逾期 and any status of the other half.
  const changeProgress = (progress: TicketProgress | undefined) =>
    setFilter((f) => ({
      ...f,
      progress,
      status: f.status && inHalf(progress, f.status) ? f.status : undefined,
      overdue: progress === 'finished' ? undefined : f.overdue,
    }));

  return (
    <View className="yst-ledger">
      <View className="yst-header">
        <Text className="yst-header__title">整改台账</Text>
        <Text className="yst-header__subtitle">{isAdmin ? '全区差评整改工单' : `${user.department?.name ?? ''} 的差评整改工单`}</Text>
      </View>
      <View className="yst-filters">
        {isAdmin && departments.length > 0 ? (
          <ChipGroup label="部门" options={departmentOptions} value={filter.department} onChange={(department) => change({ department })} />
        ) : null}
        <ChipGroup label="办理" options={PROGRESS_OPTIONS} value={filter.progress} onChange={changeProgress} />
        <ChipGroup label="状态" options={statusOptions(filter.progress)} value={filter.status} onChange={(status) => change({ status })} />
        {filter.progress === 'finished' ? null : (
          <ChipGroup
            label="逾期"
            options={OVERDUE_OPTIONS}
            value={filter.overdue ? 'yes' : undefined}
            onChange={(v) => change({ overdue: v === 'yes' ? true : undefined })}
          />
        )}
      </View>
      <View className="yst-ledger__bar">
        <Text className="yst-ledger__total">{list.status === 'loading' ? '加载中…' : `共 ${list.total} 件`}</Text>
        <LedgerExport filter={filter} />
      </View>
      <PagedCards list={list} emptyTitle="没有符合条件的工单">
        {(t) => <TicketCard key={t.id} ticket={t} now={now} />}
      </PagedCards>
    </View>
  );
}

export function LedgerScreen() {
  return (
    <StaffGate title="整改台账" roles={['staff', 'admin']} deniedText="整改台账仅供部门工作人员和营商办使用">
      {(user) => <Ledger user={user} />}
    </StaffGate>
  );
}
