import type { Enterprise } from '@contract/enterprise';
import type {
  EnterpriseProfilePatch,
  PolicyDetail,
  PolicyFacets,
  PolicyKind,
  PolicyLevel,
  PolicyList,
  PolicyMatch,
  PolicyMethod,
} from '@contract/policy';
import { apiUrl, request } from '@/lib/api/client';
import { fetchMe } from '@/features/auth/api';

export const PAGE_SIZE = 20;

export interface PolicyFilters {
  kind?: PolicyKind;
  level?: PolicyLevel;
  department?: number;
  tag?: string;
  /** 兑现方式: 免申即享 or 快申快享. */
  method?: PolicyMethod;
  /** 含已过期: expired policies too (the default lists only those in force). */
  includeExpired?: boolean;
  /** 仅看我可享: only for a signed-in, bound enterprise user. */
  eligible?: boolean;
}

const POLICIES_PATH = '/api/v1/policies';

function searchQuery(q: string, filters: PolicyFilters, page: number) {
  return { q: q || undefined, ...filters, eligible: filters.eligible || undefined, includeExpired: filters.includeExpired || undefined, page, pageSize: PAGE_SIZE };
}

export function searchPolicies(q: string, filters: PolicyFilters, page: number): Promise<PolicyList> {
  return request<PolicyList>(POLICIES_PATH, { quiet: true, query: searchQuery(q, filters, page) });
}

/** The URL of the first, unfiltered page: the one index.html may have fetched early (config/early-requests.ts). */
export function firstPageUrl(): string {
  return apiUrl(POLICIES_PATH, searchQuery('', {}, 1));
}

/** The query of the facets for a list: the same filters, less 仅看我可享 (counts are public) and paging. */
export function facetsQuery(q: string, f: PolicyFilters) {
  return { q: q || undefined, kind: f.kind, level: f.level, department: f.department, tag: f.tag, method: f.method, includeExpired: f.includeExpired || undefined };
}

/** Counts per department and tag under the list's other filters (the server caches them). */
export function fetchFacets(q = '', filters: PolicyFilters = {}): Promise<PolicyFacets> {
  return request<PolicyFacets>('/api/v1/policies/facets', { quiet: true, query: facetsQuery(q, filters) });
}

export function fetchPolicy(id: number): Promise<PolicyDetail> {
  return request<PolicyDetail>(`/api/v1/policies/${id}`, { quiet: true });
}

export function fetchPolicyMatches(): Promise<PolicyMatch[]> {
  return request<PolicyMatch[]>('/api/v1/me/policy-matches', { quiet: true });
}

/** Fills profile fields the registry lacks, then refreshes /me so every screen sees the new profile. */
export async function fillProfile(patch: EnterpriseProfilePatch): Promise<Enterprise> {
  const enterprise = await request<Enterprise>('/api/v1/me/enterprise/profile', { method: 'PATCH', body: patch, quiet: true });
  await fetchMe().catch(() => undefined);
  return enterprise;
}
