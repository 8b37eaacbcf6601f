import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Picker, Text, View } from '@tarojs/components';
import type { QuarterlyFigure, QuarterlyReport } from '@contract/satisfaction';
import { errorMessage } from '@/lib/api/api-error';
import { showErrorToast } from '@/lib/wx/ui';
import { ChipGroup } from '@/features/rectification/chip-group';
import { ticketDetailUrl } from '@/features/rectification/ticket-card';
import { downloadFile } from '@/lib/wx/file';
import { StaffGate } from '@/features/auth/staff-gate';
import { getFigureRows, getQuarterlyReport } from './api';
import { periodLabel, quarterOf, recentPeriods } from './period';
import { defaultRange, rangeLabel, rangePeriod, type DateRange } from './date-range';
import './stats.scss';
import './date-range.scss';

const TABLE_NAMES: Record<string, string> = {
  ratings: '满意度评价',
  tickets: '整改工单',
  reminder_letters: '工作提醒函',
  policies: '政策',
  enterprises: '企业',
  benefits: '免申即享记录',
  deliveries: '递送单',
};

interface Rows {
  table: string;
  total: number;
  ids: number[];
  page: number;
}

/** The rows behind one figure, by id, page by page; ticket ids open the ticket. */
function DrillDown({ figure }: { figure: QuarterlyFigure }) {
  const [rows, setRows] = useState<Rows | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (page: number) => {
    setLoading(true);
    setError(null);
    try {
      const answer = await getFigureRows(figure.drillDown, page);
      setRows((before) => ({ table: answer.table, total: answer.total, ids: page === 1 ? answer.ids : [...(before?.ids ?? []), ...answer.ids], page }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(1);
    // Loaded once when opened; the figure's link does not change while open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [figure.drillDown]);

  if (error) return <Text className="yst-field__error">{error}</Text>;
  if (!rows) return <Text className="yst-field__hint">加载明细…</Text>;
  const openable = rows.table === 'tickets';
  return (
    <View className="yst-drill" data-testid={`rows-${figure.key}`}>
      <Text className="yst-field__hint">
        {TABLE_NAMES[rows.table] ?? rows.table}编号，共 {rows.total} 条{openable ? '（点编号查看工单）' : ''}：
      </Text>
      <View className="yst-drill__ids">
        {rows.ids.map((id) => (
          <Text
            key={id}
            className={`yst-drill__id${openable ? ' yst-drill__id--link' : ''}`}
            onClick={openable ? () => void Taro.navigateTo({ url: ticketDetailUrl(id) }) : undefined}
          >
            {id}
          </Text>
        ))}
      </View>
      {rows.ids.length < rows.total ? (
        <Button size="small" loading={loading} disabled={loading} onClick={() => void load(rows.page + 1)}>
          加载更多编号
        </Button>
      ) : null}
    </View>
  );
}

function FigureCard({ figure }: { figure: QuarterlyFigure }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="yst-card yst-quarterly__figure" data-testid={`figure-${figure.key}`}>
      <View className="yst-quarterly__head">
        <Text className="yst-quarterly__label">{figure.label}</Text>
        <Text className="yst-quarterly__value">{figure.value === null ? '未启用' : `${figure.value} ${figure.unit}`}</Text>
      </View>
      <Text className="yst-field__hint">口径：{figure.definition}</Text>
      {figure.value !== null && figure.value > 0 ? (
        <View className="yst-link" ariaRole="button" onClick={() => setOpen((o) => !o)}>
          {open ? '收起明细' : '查看明细'}
        </View>
      ) : null}
      {open ? <DrillDown figure={figure} /> : null}
    </View>
  );
}

const CUSTOM = 'custom';

interface DateFieldProps {
  label: string;
  value: string;
  start?: string;
  end?: string;
  onPick: (date: string) => void;
}

/** The platform's own date picker (WeChat's wheel; Taro's on H5). */
function DateField({ label, value, start, end, onPick }: DateFieldProps) {
  return (
    <Picker className="yst-quarterly__picker" mode="date" value={value} start={start} end={end} onChange={(e) => onPick(String(e.detail.value))}>
      <View className="yst-quarterly__date" ariaRole="button" ariaLabel={`${label}：${value}`}>
        <Text className="yst-field__hint">{label}</Text>
        <Text className="yst-quarterly__date-value">{value}</Text>
      </View>
    </Picker>
  );
}

/** Both ends of a custom range; picking one end past the other moves the other along. */
function RangeFields({ range, onChange }: { range: DateRange; onChange: (range: DateRange) => void }) {
  return (
    <View className="yst-quarterly__range">
      <DateField label="起始日期" value={range.from} end={range.to} onPick={(from) => onChange({ from, to: from > range.to ? from : range.to })} />
      <Text className="yst-field__hint">至</Text>
      <DateField label="截止日期" value={range.to} start={range.from} onPick={(to) => onChange({ from: to < range.from ? to : range.from, to })} />
    </View>
  );
}

function Quarterly() {
  const periods = useMemo(() => [...recentPeriods(new Date(), 8), { value: CUSTOM, label: '自定义' }], []);
  const [choice, setChoice] = useState(() => quarterOf(new Date()));
  const [range, setRange] = useState<DateRange>(() => defaultRange(new Date()));
  const custom = choice === CUSTOM;
  const period = custom ? rangePeriod(range) : choice;
  const [report, setReport] = useState<QuarterlyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    let live = true;
    setError(null);
    setReport(null);
    getQuarterlyReport(period)
      .then((r) => live && setReport(r))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [period]);

  const download = async () => {
    setDownloading(true);
    try {
      const fileName = custom ? `工作数据-${range.from}至${range.to}.xlsx` : `季度工作数据-${period}.xlsx`;
      await downloadFile({ path: '/api/v1/admin/reports/quarterly', query: { period, format: 'xlsx' }, fileName, format: 'xlsx' });
    } catch (e) {
      showErrorToast(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const title = custom ? rangeLabel(range) : periodLabel(period);
  return (
    <View>
      <View className="yst-header">
        <Text className="yst-header__title">季度工作数据</Text>
        <Text className="yst-header__subtitle">{report && !custom ? `${title}（${rangeLabel(report)}）` : title}</Text>
      </View>
      <View className="yst-filters">
        <ChipGroup label="期间" options={periods} value={choice} onChange={setChoice} />
        {custom ? <RangeFields range={range} onChange={setRange} /> : null}
      </View>
      <View className="yst-actions">
        <Button type="primary" fill="outline" block loading={downloading} disabled={downloading || !report} onClick={() => void download()}>
          下载 Excel
        </Button>
      </View>
      {error ? <Empty title="无法加载季度数据" description={error} /> : null}
      {!report && !error ? <Text className="yst-note">加载中…</Text> : null}
      {report?.figures.map((f) => <FigureCard key={`${period}-${f.key}`} figure={f} />)}
    </View>
  );
}

export function QuarterlyScreen() {
  return (
    <StaffGate title="季度工作数据" roles={['admin']} deniedText="季度工作数据由营商办管理员查看">
      {() => <Quarterly />}
    </StaffGate>
  );
}
