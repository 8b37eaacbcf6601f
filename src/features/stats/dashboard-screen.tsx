import { useMemo, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Empty } from '@/components/empty';
import { Text, View } from '@tarojs/components';
import type { SatisfactionGroup, SatisfactionStats, StatsGroupBy } from '@contract/satisfaction';
import { ChipGroup, type ChipOption } from '@/features/rectification/chip-group';
import { StaffGate } from '@/features/auth/staff-gate';
import { useSatisfactionPages, type SatisfactionPages } from './use-satisfaction-pages';
import { percent, periodLabel, quarterOf, recentPeriods } from './period';
import { UChart } from './u-chart';
import './stats.scss';

const BY_OPTIONS: ChipOption<StatsGroupBy>[] = [
  { value: 'department', label: '按部门' },
  { value: 'project', label: '按项目' },
  { value: 'quarter', label: '按季度' },
];
export const INSUFFICIENT = '样本不足';

const mean = (x: number | null) => (x === null ? '—' : x.toFixed(2));

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <View className="yst-figure">
      <Text className="yst-figure__value">{value}</Text>
      <Text className="yst-figure__label">{label}</Text>
      {hint ? <Text className="yst-figure__hint">{hint}</Text> : null}
    </View>
  );
}

function TotalCard({ stats }: { stats: SatisfactionStats }) {
  const { figures: f, tickets: t } = stats.total;
  return (
    <View className="yst-card" data-testid="total">
      <Text className="yst-card__title">全区 · {periodLabel(stats.period)}</Text>
      {f.suppressed ? <Text className="yst-stats__suppressed">{`${INSUFFICIENT}：${f.note ?? ''}`}</Text> : null}
      <View className="yst-figures">
        <Figure label="满意率（4–5分）" value={f.suppressed ? INSUFFICIENT : percent(f.satisfactionRate)} />
        <Figure label="整体满意度均分" value={f.suppressed ? INSUFFICIENT : mean(f.meanOverall)} />
        <Figure label="评价数" value={f.suppressed ? INSUFFICIENT : String(f.ratings ?? 0)} />
        <Figure label="回访率" value={percent(t.callbackRate)} hint={`${t.calledBack}/${t.raised} 件已回访`} />
        <Figure label="整改率" value={percent(t.rectificationRate)} hint={`${t.rectified}/${t.raised} 件已整改`} />
        <Figure label="按时整改率" value={percent(t.onTimeRate)} hint={`按时 ${t.rectifiedOnTime} 件`} />
        <Figure label="逾期未整改" value={`${t.overdue} 件`} />
      </View>
      {stats.excludedByAppeal > 0 ? <Text className="yst-field__hint">已剔除申诉成立的评价 {stats.excludedByAppeal} 条。</Text> : null}
    </View>
  );
}

function GroupRow({ group }: { group: SatisfactionGroup }) {
  const f = group.figures;
  return (
    <View className="yst-table__row" data-testid={`group-${group.key.name}`}>
      <Text className="yst-table__cell yst-table__cell--name">{group.key.name}</Text>
      {f.suppressed ? (
        <View className="yst-table__cell yst-table__cell--wide yst-stats__muted" ariaLabel={f.note ?? INSUFFICIENT}>
          {INSUFFICIENT}
        </View>
      ) : (
        <>
          <Text className="yst-table__cell">{percent(f.satisfactionRate)}</Text>
          <Text className="yst-table__cell">{mean(f.meanOverall)}</Text>
          <Text className="yst-table__cell">{f.ratings}</Text>
        </>
      )}
      <Text className="yst-table__cell">{percent(group.tickets.callbackRate)}</Text>
      <Text className="yst-table__cell">{percent(group.tickets.rectificationRate)}</Text>
      <Text className="yst-table__cell">{percent(group.tickets.onTimeRate)}</Text>
    </View>
  );
}

function MoreGroups({ pages, unit }: { pages: SatisfactionPages; unit: string }) {
  const total = pages.stats?.page.totalGroups ?? 0;
  const paged = pages.groups.length > (pages.stats?.groups.length ?? 0);
  if (!pages.hasMore) return paged ? <Text className="yst-field__hint">已全部加载，共 {total} 个{unit}。</Text> : null;
  return (
    <View className="yst-actions">
      {pages.moreError ? <Text className="yst-field__error">{pages.moreError}</Text> : null}
      <Button block loading={pages.loadingMore} disabled={pages.loadingMore} onClick={pages.loadMore}>
        {pages.moreError ? '重新加载' : `加载更多（已显示 ${pages.groups.length}/${total} 个${unit}）`}
      </Button>
    </View>
  );
}

function GroupTable({ stats, pages }: { stats: SatisfactionStats; pages: SatisfactionPages }) {
  if (pages.groups.length === 0) return <Empty title="本期暂无评价" />;
  const unit = stats.by === 'quarter' ? '季度' : stats.by === 'project' ? '项目' : '部门';
  return (
    <View className="yst-card">
      <Text className="yst-card__title">{BY_OPTIONS.find((o) => o.value === stats.by)?.label}</Text>
      <View className="yst-table">
        <View className="yst-table__row yst-table__row--head">
          <Text className="yst-table__cell yst-table__cell--name">{unit}</Text>
          <Text className="yst-table__cell">满意率</Text>
          <Text className="yst-table__cell">均分</Text>
          <Text className="yst-table__cell">评价</Text>
          <Text className="yst-table__cell">回访</Text>
          <Text className="yst-table__cell">整改</Text>
          <Text className="yst-table__cell">按时</Text>
        </View>
        {pages.groups.map((g) => (
          <GroupRow key={`${g.key.id ?? g.key.name}`} group={g} />
        ))}
      </View>
      <Text className="yst-field__hint">回访、整改、按时：回访率、整改率（已整改或办结的工单占本期工单）、按时整改率。</Text>
      <MoreGroups pages={pages} unit={unit} />
      <Text className="yst-field__hint">参与评价的企业少于 {stats.minGroupRaters} 家的分组显示“{INSUFFICIENT}”，以保护评价人。</Text>
    </View>
  );
}

const toPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

function Charts({ stats, groups }: { stats: SatisfactionStats; groups: readonly SatisfactionGroup[] }) {
  const shown = groups.filter((g) => !g.figures.suppressed);
  const partial = groups.length < stats.page.totalGroups;
  const trend = stats.trend;
  return (
    <>
      <View className="yst-card">
        <Text className="yst-card__title">满意率趋势（近 {trend.length} 个季度）</Text>
        <UChart
          id="yst-trend-chart"
          type="line"
          label="全区各季度满意率折线图"
          categories={trend.map((p) => p.quarter)}
          series={[{ name: '满意率', data: trend.map((p) => toPercent(p.satisfactionRate)) }]}
          yMin={0}
          yMax={100}
          unit="%"
        />
        <View className="yst-trend">
          {trend.map((p) => (
            <Text key={p.quarter} className="yst-trend__item" data-testid={`trend-${p.quarter}`}>
              {p.quarter}：{p.suppressed ? INSUFFICIENT : `${percent(p.satisfactionRate)}（${p.ratings} 条）`}
            </Text>
          ))}
        </View>
      </View>
      {stats.by !== 'quarter' && shown.length > 0 ? (
        <View className="yst-card">
          <Text className="yst-card__title">{partial ? `满意率对比（已加载的 ${groups.length} 个）` : '满意率对比'}</Text>
          <UChart
            id="yst-group-chart"
            type="column"
            label="各分组满意率柱状图"
            categories={shown.map((g) => g.key.name)}
            series={[{ name: '满意率', data: shown.map((g) => toPercent(g.figures.satisfactionRate)) }]}
            yMin={0}
            yMax={100}
            unit="%"
          />
        </View>
      ) : null}
    </>
  );
}

function Dashboard() {
  const periods = useMemo(() => recentPeriods(new Date()), []);
  const [period, setPeriod] = useState(() => quarterOf(new Date()));
  const [by, setBy] = useState<StatsGroupBy>('department');
  const pages = useSatisfactionPages(period, by);
  const { stats, error } = pages;

  return (
    <View>
      <View className="yst-header">
        <Text className="yst-header__title">满意度统计</Text>
        <Text className="yst-header__subtitle">{periodLabel(period)}</Text>
      </View>
      <View className="yst-filters">
        <ChipGroup label="期间" options={periods} value={period} onChange={setPeriod} />
        <ChipGroup label="分组" options={BY_OPTIONS} value={by} onChange={setBy} />
      </View>
      {error ? <Text className="yst-field__error yst-stats__error">{error}</Text> : null}
      {stats && !error ? (
        <>
          <TotalCard stats={stats} />
          <Charts stats={stats} groups={pages.groups} />
          <GroupTable stats={stats} pages={pages} />
        </>
      ) : null}
      {!stats && !error ? <Text className="yst-note">加载中…</Text> : null}
    </View>
  );
}

export function DashboardScreen() {
  return (
    <StaffGate title="满意度统计" roles={['staff', 'admin']} deniedText="满意度统计仅供部门工作人员和营商办查看">
      {() => <Dashboard />}
    </StaffGate>
  );
}
