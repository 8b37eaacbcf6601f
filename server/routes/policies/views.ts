import type { AdminPolicyItem, Policy, PolicyDetail, PolicyListItem } from '../../../types/policy';
import { matchedTerms } from '../../lib/search';
import type { PolicySummaryRow } from '../../repositories/policies';

export const isExpired = (validTo: string | null, today: string) => validTo !== null && validTo < today;

/** A list row; `q` (when searching) picks the words to highlight in title, summary and tags. */
export function toListItem(row: PolicySummaryRow, today: string, q?: string): PolicyListItem {
  return {
    id: row.id,
    title: row.title,
    department: row.department,
    level: row.level,
    kind: row.kind,
    method: row.method,
    tags: row.tags,
    summary: row.summary,
    amount: row.amount,
    validFrom: row.validFrom,
    validTo: row.validTo,
    expired: isExpired(row.validTo, today),
    matchedTerms: q ? matchedTerms([row.title, row.summary, ...row.tags].join('\n'), q) : [],
  };
}

export function toAdminItem(row: PolicySummaryRow, today: string): AdminPolicyItem {
  const { matchedTerms: _unused, ...item } = toListItem(row, today);
  return { ...item, status: row.status, basisDoc: row.basisDoc, publishedAt: row.publishedAt, updatedAt: row.updatedAt };
}

export const toDetail = (policy: Policy, today: string): PolicyDetail => ({ ...policy, expired: isExpired(policy.validTo, today) });
