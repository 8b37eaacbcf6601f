import type { Ticket, TicketPage } from '@contract/satisfaction';
import { request } from '@/lib/api/client';

export const PAGE_SIZE = 20;

export function fetchMyTickets(page: number): Promise<TicketPage> {
  return request<TicketPage>('/api/v1/me/tickets', { query: { page, pageSize: PAGE_SIZE }, quiet: true });
}

export function fetchTicket(id: number): Promise<Ticket> {
  return request<Ticket>(`/api/v1/tickets/${id}`, { quiet: true });
}

/** The fix is accepted: the ticket closes. */
export function confirmTicket(id: number): Promise<Ticket> {
  return request<Ticket>(`/api/v1/tickets/${id}/confirm`, { method: 'POST', quiet: true });
}

/** Not fixed: back to the department, with a fresh deadline. */
export function reopenTicket(id: number, reason: string): Promise<Ticket> {
  return request<Ticket>(`/api/v1/tickets/${id}/reopen`, { method: 'POST', body: { reason }, quiet: true });
}
