import type { Enterprise } from '@contract/enterprise';
import type {
  EnterpriseProfilePatch,
  PolicyDetail,
  PolicyFacets,
  PolicyKind,
  PolicyLevel,
  PolicyList,
  PolicyMatch,
} from '@contract/policy';
import { apiUrl, request } from '@/lib/api/client';
import { fetchMe } from '@/features/auth/api';

export const PAGE_SIZE = 20;

export interface PolicyFilters {
  kind?: PolicyKind;
  level?: PolicyLevel;
  department?: number;
  tag?: string;
  /** 仅看我可享: only for a signed-in, bound enterprise user. */
  eligible?: boolean;
}

const POLICIES_PATH = '/api/v1/policies';

function searchQuery(q: string, filters: PolicyFilters, page: number) {
  return { q: q || undefined, ...filters, eligible: filters.eligible || undefined, page, pageSize: PAGE_SIZE };
}

export function searchPolicies(q: string, filters: PolicyFilters, page: number): Promise<PolicyList> {
  return request<PolicyList>(POLICIES_PATH, { quiet: true, query: searchQuery(q, filters, page) });
}

/** The URL of the first, unfiltered page: the one index.html may have fetched early (config/early-requests.ts). */
export function firstPageUrl(): string {
  return apiUrl(POLICIES_PATH, searchQuery('', {}, 1));
}

export function fetchFacets(): Promise<PolicyFacets> {
  return request<PolicyFacets>('/api/v1/policies/facets', { quiet: true });
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
