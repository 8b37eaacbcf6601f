import type {
  AppealDecision,
  ReminderLetterPage,
  ReminderLetterPrint,
  Ticket,
  TicketAppeal,
  TicketCallback,
  TicketContact,
  TicketPage,
  TicketProgress,
  TicketRectify,
  TicketStatus,
} from '@contract/satisfaction';
import { request } from '@/lib/api/client';

/** What the ledger is filtered by; `department` only matters for the office (staff are scoped by the server). */
export interface LedgerFilter {
  /** 未办结 / 已办结 (the server orders each half its own way); absent: every ticket by deadline. */
  progress?: TicketProgress;
  status?: TicketStatus;
  department?: number;
  overdue?: boolean;
}

export const LEDGER_PAGE_SIZE = 20;

/** The query string exactly as the API reads it: absent filters are left out, not sent empty. */
export function ledgerQuery(filter: LedgerFilter): Record<string, string | number | boolean | undefined> {
  return { progress: filter.progress, status: filter.status, department: filter.department, overdue: filter.overdue ? true : undefined };
}

export function listTickets(filter: LedgerFilter, page: number): Promise<TicketPage> {
  return request<TicketPage>('/api/v1/admin/tickets', { query: { ...ledgerQuery(filter), page, pageSize: LEDGER_PAGE_SIZE } });
}

export function getTicket(id: number): Promise<Ticket> {
  return request<Ticket>(`/api/v1/tickets/${id}`);
}

/** The rater's full number for the callback; the server writes every call to the audit log. */
export function getTicketContact(id: number): Promise<TicketContact> {
  return request<TicketContact>(`/api/v1/tickets/${id}/contact`, { quiet: true });
}

// Status moves are not creations: a retried POST after a lost answer is refused with 409 by the status machine.
export function recordCallback(id: number, body: TicketCallback): Promise<Ticket> {
  return request<Ticket>(`/api/v1/tickets/${id}/callback`, { method: 'POST', body, quiet: true });
}

export function recordRectification(id: number, body: TicketRectify): Promise<Ticket> {
  return request<Ticket>(`/api/v1/tickets/${id}/rectify`, { method: 'POST', body, quiet: true });
}

export function appealTicket(id: number, body: TicketAppeal): Promise<Ticket> {
  return request<Ticket>(`/api/v1/tickets/${id}/appeal`, { method: 'POST', body, quiet: true });
}

export function listAppeals(page: number): Promise<TicketPage> {
  return request<TicketPage>('/api/v1/admin/appeals', { query: { page, pageSize: LEDGER_PAGE_SIZE } });
}

export function decideAppeal(id: number, body: AppealDecision): Promise<Ticket> {
  return request<Ticket>(`/api/v1/admin/appeals/${id}/decide`, { method: 'POST', body, quiet: true });
}

export function listReminderLetters(page: number): Promise<ReminderLetterPage> {
  return request<ReminderLetterPage>('/api/v1/admin/reminders', { query: { page, pageSize: LEDGER_PAGE_SIZE } });
}

export function getReminderLetter(id: number): Promise<ReminderLetterPrint> {
  return request<ReminderLetterPrint>(`/api/v1/admin/reminders/${id}`);
}

export interface ReminderRun {
  period: string;
  created: number;
  skipped: number;
  letterIds: number[];
}

/** The office runs today's reminder job on demand; the server makes at most one letter per department per day. */
export function runReminders(): Promise<ReminderRun> {
  return request<ReminderRun>('/api/v1/admin/reminders/run', { method: 'POST' });
}
