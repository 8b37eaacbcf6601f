import type { Benefit, BenefitPage, BenefitPayment, BenefitPublicize, BenefitStatus, NewBenefit } from '@contract/benefit';
import { request } from '@/lib/api/client';
import { PAGE_SIZE } from '@/features/policies/api';

// The client always sends Content-Type: application/json, and the server refuses an empty JSON body.
const EMPTY = {};

export function fetchMyBenefits(page: number): Promise<BenefitPage> {
  return request<BenefitPage>('/api/v1/me/benefits', { quiet: true, query: { page, pageSize: PAGE_SIZE } });
}

export function fetchBenefit(id: number): Promise<Benefit> {
  return request<Benefit>(`/api/v1/benefits/${id}`, { quiet: true });
}

export function confirmBenefit(id: number, idempotencyKey: string): Promise<Benefit> {
  return request<Benefit>(`/api/v1/benefits/${id}/confirm`, { method: 'POST', body: EMPTY, idempotencyKey, quiet: true });
}

export function objectToBenefit(id: number, reason: string, idempotencyKey: string): Promise<Benefit> {
  return request<Benefit>(`/api/v1/benefits/${id}/object`, { method: 'POST', body: { reason }, idempotencyKey, quiet: true });
}

// Staff side (兑现管理).

export function fetchAdminBenefits(filter: { policyId?: number; status?: BenefitStatus }, page: number): Promise<BenefitPage> {
  return request<BenefitPage>('/api/v1/admin/benefits', { quiet: true, query: { ...filter, page, pageSize: PAGE_SIZE } });
}

export function bindEnterprise(body: NewBenefit, idempotencyKey: string): Promise<Benefit> {
  return request<Benefit>('/api/v1/admin/benefits', { method: 'POST', body, idempotencyKey, quiet: true });
}

export function publicizeBenefit(id: number, body: BenefitPublicize, idempotencyKey: string): Promise<Benefit> {
  return request<Benefit>(`/api/v1/admin/benefits/${id}/publicize`, { method: 'POST', body, idempotencyKey, quiet: true });
}

export function payBenefit(id: number, body: BenefitPayment, idempotencyKey: string): Promise<Benefit> {
  return request<Benefit>(`/api/v1/admin/benefits/${id}/pay`, { method: 'POST', body, idempotencyKey, quiet: true });
}

export function archiveBenefit(id: number, idempotencyKey: string): Promise<Benefit> {
  return request<Benefit>(`/api/v1/admin/benefits/${id}/archive`, { method: 'POST', body: EMPTY, idempotencyKey, quiet: true });
}
