import type { User } from '@contract/auth';
import type { SatisfactionFigures, SatisfactionGroup, SatisfactionStats, Ticket, TicketFigures } from '@contract/satisfaction';
import { on } from '../helpers';
import type { MockRequest } from '../taro-stub';

export const MARKET: Ticket['department'] = { id: 3, name: '区市场监管局' };
export const TAX: Ticket['department'] = { id: 5, name: '区税务局' };

export const STAFF_USER: User = { id: 21, role: 'staff', displayName: '李回访', department: MARKET, phoneMasked: null };
export const OTHER_STAFF: User = { id: 22, role: 'staff', displayName: '王税务', department: TAX, phoneMasked: null };
export const ADMIN_USER: User = { id: 1, role: 'admin', displayName: '营商办', department: null, phoneMasked: null };

/** /me answers with whoever is signed in, so useMe() keeps that user. */
export const meRoute = (user: User) => on('GET', '/api/v1/me', () => ({ statusCode: 200, data: { user, enterprise: null } }));

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 101,
    ratingId: 501,
    status: 'open',
    department: MARKET,
    subject: { kind: 'project', title: '新能源电池产业园', stage: '施工许可' },
    scores: { overall: 2, efficiency: 1, level: 2, attitude: 3 },
    comment: '材料反复退回，跑了三次',
    problem: { category: '材料要求', description: '同一份材料被要求补交三次', photoCount: 2 },
    deadlineAt: '2099-10-20T15:59:59.999Z',
    callbackDueAt: '2099-09-30T15:59:59.999Z',
    overdue: false,
    callback: null,
    fix: null,
    reply: null,
    rectifiedAt: null,
    closedAt: null,
    reopenCount: 0,
    appeal: null,
    rater: null,
    history: [{ action: 'created', at: '2026-09-28T02:00:00.000Z', by: '系统', note: null }],
    createdAt: '2026-09-28T02:00:00.000Z',
    ...overrides,
  };
}

/** The query string of a recorded request, as the server would parse it. */
export function queryOf(request: MockRequest): Record<string, string> {
  const search = request.url.split('?')[1] ?? '';
  return Object.fromEntries(search.split('&').filter(Boolean).map((p) => p.split('=').map(decodeURIComponent) as [string, string]));
}

export const pathOf = (request: MockRequest) => request.url.replace('http://api.test', '').split('?')[0];

const TICKETS_NONE: TicketFigures = { raised: 0, calledBack: 0, callbackRate: null, rectified: 0, rectificationRate: null, rectifiedOnTime: 0, onTimeRate: null, overdue: 0 };

export function shownFigures(rate: number, mean: number, ratings: number): SatisfactionFigures {
  return {
    suppressed: false,
    note: null,
    ratings,
    distribution: [0, 0, 0, 0, ratings],
    satisfactionRate: rate,
    meanOverall: mean,
    meanEfficiency: mean,
    meanLevel: mean,
    meanAttitude: mean,
  };
}

export const SUPPRESSED_FIGURES: SatisfactionFigures = {
  suppressed: true,
  note: '参与评价的企业少于5家，为保护评价人不予显示',
  ratings: null,
  distribution: null,
  satisfactionRate: null,
  meanOverall: null,
  meanEfficiency: null,
  meanLevel: null,
  meanAttitude: null,
};

export function group(id: number | null, name: string, figures: SatisfactionFigures, tickets: Partial<TicketFigures> = {}): SatisfactionGroup {
  return { key: { id, name }, figures, tickets: { ...TICKETS_NONE, ...tickets } };
}

export function stats(overrides: Partial<SatisfactionStats> = {}): SatisfactionStats {
  const merged: Omit<SatisfactionStats, 'page'> = {
    period: '2026Q4',
    by: 'department',
    minGroupRaters: 5,
    total: group(null, '全区', shownFigures(0.8125, 4.13, 16), { raised: 4, calledBack: 3, callbackRate: 0.75, rectified: 2, rectificationRate: 0.5, rectifiedOnTime: 1, onTimeRate: 0.3333, overdue: 1 }),
    groups: [group(3, '区市场监管局', shownFigures(0.9, 4.5, 10)), group(5, '区税务局', SUPPRESSED_FIGURES, { raised: 1, calledBack: 1, callbackRate: 1 })],
    trend: [
      { quarter: '2026Q3', suppressed: true, ratings: null, satisfactionRate: null, meanOverall: null },
      { quarter: '2026Q4', suppressed: false, ratings: 16, satisfactionRate: 0.8125, meanOverall: 4.13 },
    ],
    excludedByAppeal: 1,
    ...overrides,
  };
  return { ...merged, page: overrides.page ?? { totalGroups: merged.groups.length, nextCursor: null } };
}
