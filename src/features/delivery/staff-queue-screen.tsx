import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';
import { DELIVERY_PERIODS, DELIVERY_STATUSES, DELIVERY_STATUS_LABELS, type DeliveryPeriod } from '@contract/delivery-rules';
import type { DeliverySummary } from '@contract/delivery';
import { errorMessage } from '@/lib/api/api-error';
import { StaffGate } from '@/features/auth/staff-gate';
import { fetchQueue, type DeliveryStatus, type QueueFilter } from './api';
import { Choice } from './choice';
import { chinaToday, dayLabel } from '@/lib/china-time';
import { DeliveryCard } from './delivery-card';
import { ExportPanel } from './export-panel';
import { STAFF_DELIVERY_PAGES } from './routes';
import { stepWorkingDay } from './working-day-step';
import './delivery.scss';

/**
 * The arrows step to the previous/next working day (nothing is booked on holidays or weekends); the
 * date itself opens the picker, which reaches any day, e.g. a booking left on a day later made a holiday.
 */
function DateFilter({ date, onDate }: { date: string | undefined; onDate: (date: string | undefined) => void }) {
  const shown = date ?? chinaToday();
  const stepping = useRef(false);
  const step = async (direction: 1 | -1) => {
    // A second tap while the calendar answers would step from the same day again.
    if (stepping.current) return;
    stepping.current = true;
    try {
      onDate(await stepWorkingDay(shown, direction));
    } finally {
      stepping.current = false;
    }
  };
  return (
    <View className="yst-date-filter">
      <Choice label="全部日期" checked={date === undefined} onPick={() => onDate(undefined)} />
      <View className="yst-date-filter__step" ariaRole="button" ariaLabel="前一个工作日" onClick={() => void step(-1)}>
        ‹
      </View>
      <Picker mode="date" value={shown} onChange={(e) => onDate(String(e.detail.value))}>
        <Choice label={dayLabel(shown)} checked={date !== undefined} onPick={() => onDate(shown)} />
      </Picker>
      <View className="yst-date-filter__step" ariaRole="button" ariaLabel="后一个工作日" onClick={() => void step(1)}>
        ›
      </View>
    </View>
  );
}

function Queue() {
  const [filter, setFilter] = useState<Omit<QueueFilter, 'page'>>({ status: 'submitted' });
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<DeliverySummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (f: QueueFilter, append: boolean) => {
    setError(null);
    try {
      const list = await fetchQueue(f);
      setItems((old) => (append && old ? [...old, ...list.items] : list.items));
      setTotal(list.total);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load({ ...filter, page: 1 }, false);
  }, [filter, load]);
  // Back from a booking just processed: its status changed.
  useDidShow(() => {
    if (items) {
      setPage(1);
      void load({ ...filter, page: 1 }, false);
    }
  });

  const set = (patch: Partial<QueueFilter>) => {
    setPage(1);
    setFilter((f) => ({ ...f, ...patch }));
  };
  const more = () => {
    setPage(page + 1);
    void load({ ...filter, page: page + 1 }, true);
  };

  return (
    <View>
      <View className="yst-field">
        <DateFilter date={filter.date} onDate={(date) => set({ date })} />
        <View className="yst-choices" ariaLabel="时段">
          <Choice label="全天" checked={!filter.period} onPick={() => set({ period: undefined })} />
          {DELIVERY_PERIODS.map((p: DeliveryPeriod) => (
            <Choice key={p} label={p} checked={filter.period === p} onPick={() => set({ period: p })} />
          ))}
        </View>
        <View className="yst-choices" ariaLabel="状态">
          <Choice label="全部状态" checked={!filter.status} onPick={() => set({ status: undefined })} />
          {DELIVERY_STATUSES.map((s: DeliveryStatus) => (
            <Choice key={s} label={s === 'submitted' ? '待受理' : DELIVERY_STATUS_LABELS[s]} checked={filter.status === s} onPick={() => set({ status: s })} />
          ))}
        </View>
      </View>
      {error ? <Text className="yst-field__error yst-note">{error}</Text> : null}
      {items === null && !error ? <Text className="yst-note">正在加载…</Text> : null}
      {items && items.length === 0 ? <Text className="yst-note">没有符合条件的预约</Text> : null}
      {items?.map((d) => (
        <DeliveryCard key={d.id} delivery={d} showEnterprise onOpen={() => void Taro.navigateTo({ url: `${STAFF_DELIVERY_PAGES.detail}?id=${d.id}` })} />
      ))}
      {items && items.length < total ? (
        <View className="yst-actions">
          <Button block onClick={more}>
            加载更多（共 {total} 条）
          </Button>
        </View>
      ) : null}
      <ExportPanel />
    </View>
  );
}

export function StaffQueueScreen() {
  return (
    <StaffGate title="递送工作台" roles={['staff', 'admin']}>
      <Queue />
    </StaffGate>
  );
}
