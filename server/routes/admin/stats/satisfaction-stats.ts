import { MIN_GROUP_RATERS, type SatisfactionFigures, type SatisfactionGroup, type SatisfactionStats, type StatsGroupBy, type StatsPage, type TicketFigures } from '../../../../types/satisfaction';
import type { Repositories } from '../../../repositories';
import { parsePeriod, quartersEndingWith } from '../../../repositories/stats-period';
import type { RaterScope, ScoreSums, TicketSums } from '../../../repositories/stats';
import { decodeStatsCursor, encodeStatsCursor } from './stats-cursor';

const TREND_QUARTERS = 8;
export const SUPPRESSED_NOTE = `参与评价的企业少于${MIN_GROUP_RATERS}家，为保护评价人不予显示`;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

const SUPPRESSED: Omit<SatisfactionFigures, 'note'> = {
  suppressed: true,
  ratings: null,
  distribution: null,
  satisfactionRate: null,
  meanOverall: null,
  meanEfficiency: null,
  meanLevel: null,
  meanAttitude: null,
};

const totalOf = (sums: ScoreSums | undefined) => (sums?.counts ?? [0, 0, 0, 0, 0]).reduce((a, b) => a + b, 0);

async function figures(repos: Repositories, sums: ScoreSums | undefined, scope: RaterScope, quarters: readonly string[], knownRaters?: number): Promise<SatisfactionFigures> {
  const counts = sums?.counts ?? [0, 0, 0, 0, 0];
  const total = totalOf(sums);
  // Fewer ratings than the threshold cannot come from enough raters: skip the probe.
  const raters = total < MIN_GROUP_RATERS ? total : (knownRaters ?? (await repos.stats.ratersUpToMin(scope, quarters)));
  if (raters < MIN_GROUP_RATERS) return { ...SUPPRESSED, note: SUPPRESSED_NOTE };
  const weighted = counts.reduce((acc, c, i) => acc + c * (i + 1), 0);
  return {
    suppressed: false,
    note: null,
    ratings: total,
    distribution: [...counts],
    satisfactionRate: round((counts[3] + counts[4]) / total, 4),
    meanOverall: round(weighted / total, 2),
    meanEfficiency: round(sums!.sumEfficiency / total, 2),
    meanLevel: round(sums!.sumLevel / total, 2),
    meanAttitude: round(sums!.sumAttitude / total, 2),
  };
}

function ticketFigures(t: TicketSums | undefined): TicketFigures {
  const s = t ?? { raised: 0, calledBack: 0, rectified: 0, rectifiedOnTime: 0, overdue: 0 };
  const due = s.rectified + s.overdue;
  return {
    raised: s.raised,
    calledBack: s.calledBack,
    callbackRate: s.raised > 0 ? round(s.calledBack / s.raised, 4) : null,
    rectified: s.rectified,
    rectificationRate: s.raised > 0 ? round(s.rectified / s.raised, 4) : null,
    rectifiedOnTime: s.rectifiedOnTime,
    onTimeRate: due > 0 ? round(s.rectifiedOnTime / due, 4) : null,
    overdue: s.overdue,
  };
}

/** District ticket totals as the sum of the department groups: one index scan instead of two. */
function ticketTotal(rows: readonly TicketSums[]): TicketSums[] {
  const total: TicketSums = { id: null, raised: 0, calledBack: 0, rectified: 0, rectifiedOnTime: 0, overdue: 0 };
  for (const r of rows) {
    total.raised += r.raised;
    total.calledBack += r.calledBack;
    total.rectified += r.rectified;
    total.rectifiedOnTime += r.rectifiedOnTime;
    total.overdue += r.overdue;
  }
  return [total];
}

interface Paged {
  groups: SatisfactionGroup[];
  page: StatsPage;
}

async function quarterGroups(repos: Repositories, view: StatsView, quarters: readonly string[], now: string): Promise<Paged> {
  // At most four quarters, always in one page: no cursor was ever handed out for them.
  if (view.cursor !== undefined) decodeStatsCursor(view.cursor, view.by, view.period);
  const groups = await Promise.all(
    quarters.map(async (q) => {
      const [sums] = await repos.stats.scoreSums([q], null);
      const [tickets] = await repos.stats.ticketSums([q], null, now);
      return { key: { id: null, name: q }, figures: await figures(repos, sums, { kind: 'all' }, [q]), tickets: ticketFigures(tickets) };
    }),
  );
  return { groups, page: { totalGroups: groups.length, nextCursor: null } };
}

/**
 * One keyset page of department or project groups: every figure is read for the page's ids only,
 * so a thousand projects cost what fifty do.
 */
async function idGroups(repos: Repositories, view: StatsView, quarters: readonly string[], now: string, byDepartment: readonly TicketSums[]): Promise<Paged> {
  const by = view.by as 'department' | 'project';
  const after = view.cursor === undefined ? 0 : decodeStatsCursor(view.cursor, by, view.period);
  const found = await repos.stats.groupPage(by, quarters, after, view.pageSize + 1);
  const ids = found.ids.slice(0, view.pageSize);
  const [sums, tickets, names, raters] = await Promise.all([
    repos.stats.scoreSums(quarters, by, ids),
    by === 'department' ? byDepartment : repos.stats.ticketSums(quarters, by, now, ids),
    repos.stats.names(by, ids),
    repos.stats.ratersUpToMinMany(by, ids, quarters),
  ]);
  const sumsById = new Map(sums.map((s) => [s.id, s]));
  const ticketsById = new Map(tickets.map((t) => [t.id, t]));
  const groups = await Promise.all(
    ids.map(async (id) => ({
      key: { id, name: names.get(id) ?? `#${id}` },
      figures: await figures(repos, sumsById.get(id), { kind: by, id }, quarters, raters.get(id) ?? 0),
      tickets: ticketFigures(ticketsById.get(id)),
    })),
  );
  const more = found.ids.length > view.pageSize;
  return { groups, page: { totalGroups: found.total, nextCursor: more ? encodeStatsCursor(by, view.period, ids[ids.length - 1]) : null } };
}

export interface StatsView {
  period: string;
  by: StatsGroupBy;
  pageSize: number;
  cursor?: string;
}

/** The dashboard: exact figures from the pre-aggregates, upheld appeals excluded, small groups suppressed. */
export async function satisfactionStats(repos: Repositories, view: StatsView, now: string): Promise<SatisfactionStats> {
  const { period, by } = view;
  const { quarters } = parsePeriod(period);
  const trendQuarters = quartersEndingWith(quarters[quarters.length - 1], TREND_QUARTERS);
  const byDepartment = await repos.stats.ticketSums(quarters, 'department', now);
  const totalTickets = ticketTotal(byDepartment);
  const [totalSums, paged, trendSums, excluded] = await Promise.all([
    repos.stats.scoreSums(quarters, null),
    by === 'quarter' ? quarterGroups(repos, view, quarters, now) : idGroups(repos, view, quarters, now, byDepartment),
    repos.stats.scoreSums(trendQuarters, 'quarter'),
    repos.stats.excludedByAppeal(quarters),
  ]);
  const trendByQuarter = new Map(trendSums.map((s) => [s.quarter, s]));
  const trend = await Promise.all(
    trendQuarters.map(async (q) => {
      const f = await figures(repos, trendByQuarter.get(q), { kind: 'all' }, [q]);
      return { quarter: q, suppressed: f.suppressed, ratings: f.ratings, satisfactionRate: f.satisfactionRate, meanOverall: f.meanOverall };
    }),
  );
  return {
    period,
    by,
    minGroupRaters: MIN_GROUP_RATERS,
    total: { key: { id: null, name: '全区' }, figures: await figures(repos, totalSums[0], { kind: 'all' }, quarters), tickets: ticketFigures(totalTickets[0]) },
    groups: paged.groups,
    page: paged.page,
    trend,
    excludedByAppeal: excluded,
  };
}
