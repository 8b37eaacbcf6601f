import dayjs from 'dayjs';
import type { Benefit } from '@contract/benefit';
import type { MessageThread } from '@contract/message';
import type { PolicyDetail, PolicyListItem } from '@contract/policy';
import { chinaToday } from '@/lib/china-time';

export const inDays = (n: number) => dayjs(chinaToday()).add(n, 'day').format('YYYY-MM-DD');

export function listItem(id: number, over: Partial<PolicyListItem> = {}): PolicyListItem {
  return {
    id,
    title: `政策${id}`,
    department: { id: 2, name: '区人社局' },
    level: '区',
    kind: '奖补',
    method: '免申即享',
    tags: ['就业'],
    summary: `摘要${id}`,
    amount: '每人500元',
    validFrom: '2024-01-01',
    validTo: null,
    expired: false,
    matchedTerms: [],
    ...over,
  };
}

export function policyDetail(over: Partial<PolicyDetail> = {}): PolicyDetail {
  return {
    id: 11,
    title: '小微企业吸纳就业社保补贴',
    department: { id: 2, name: '区人社局' },
    level: '区',
    kind: '奖补',
    tags: ['社保', '中小微'],
    summary: '小微企业新招用高校毕业生并缴纳社会保险的，按实际缴费给予社保补贴。',
    body: '对本区小型、微型企业新招用离校2年内高校毕业生……',
    basisDoc: '茗人社〔2024〕6号',
    amount: '按实际缴费额补贴',
    validFrom: '2024-01-01',
    validTo: inDays(12),
    method: '免申即享',
    contact: '区人社局就业科 0571-88886666',
    status: 'published',
    conditions: [{ field: 'scale', op: 'in', values: ['小型', '微型'] }],
    publishedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    expired: false,
    ...over,
  };
}

export function benefit(over: Partial<Benefit> = {}): Benefit {
  return {
    id: 5,
    policy: { id: 11, title: '小微企业吸纳就业社保补贴', department: '区人社局' },
    enterprise: { id: 3, name: '平安银行股份有限公司', uscc: '91440300708461136T' },
    status: 'publicized',
    basis: '茗人社〔2024〕6号第三条',
    dataUsed: '2024年新招用高校毕业生12人',
    amountYuan: 36000,
    objection: null,
    paidAmountYuan: null,
    paidOn: null,
    history: [
      { status: 'matched', at: '2024-03-01T02:00:00.000Z', by: '区人社局', note: null },
      { status: 'publicized', at: '2024-03-05T02:00:00.000Z', by: '区人社局', note: null },
    ],
    updatedAt: '2024-03-05T02:00:00.000Z',
    ...over,
  };
}

export function thread(over: Partial<MessageThread> = {}): MessageThread {
  return {
    id: 9,
    subject: { kind: 'policy', id: 11, title: '小微企业吸纳就业社保补贴' },
    enterprise: { id: 3, name: '平安银行股份有限公司' },
    department: { id: 2, name: '区人社局' },
    complexity: 'simple',
    // 2026-12-01 18:00 in China.
    replyDueAt: '2026-12-01T10:00:00.000Z',
    answered: false,
    overdue: false,
    posts: [{ id: 1, from: 'enterprise', author: '平安银行股份有限公司', body: '我公司是否符合？', at: '2026-11-30T02:00:00.000Z' }],
    createdAt: '2026-11-30T02:00:00.000Z',
    ...over,
  };
}
