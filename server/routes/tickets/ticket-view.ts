import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ticket, TicketAction, TicketStatus } from '../../../types/satisfaction';
import { HttpError } from '../../lib/http-error';
import type { Repositories } from '../../repositories';
import { isOverdue, type TicketRow } from '../../repositories/tickets';

type EventRow = Awaited<ReturnType<Repositories['tickets']['events']>>[number];

/** Who is looking decides what of the rater is shown: only the department that must call back. */
export type Viewer = { kind: 'enterprise' } | { kind: 'department' } | { kind: 'office' };

// The ledger export (routes/admin/tickets) reads the flag from here; the definition lives with the ledger's SQL.
export { isOverdue };

function subjectTitle(row: TicketRow): string {
  if (row.target_kind === 'project') return row.project_name ?? `项目 ${row.target_id}`;
  if (row.target_kind === 'delivery') return `证照递送（编号 ${row.target_id}）`;
  return row.department_name;
}

export function toTicket(row: TicketRow, events: readonly EventRow[], viewer: Viewer, now: string): Ticket {
  return {
    id: row.id,
    ratingId: row.rating_id,
    status: row.status as TicketStatus,
    department: { id: row.department_id, name: row.department_name },
    subject: { kind: row.target_kind, title: subjectTitle(row), stage: row.stage },
    scores: { overall: row.overall, efficiency: row.efficiency, level: row.level, attitude: row.attitude },
    comment: row.comment,
    problem:
      row.problem_category !== null
        ? { category: row.problem_category, description: row.problem_description ?? '', photoCount: row.photo_count }
        : null,
    deadlineAt: row.deadline_at,
    callbackDueAt: row.callback_due_at,
    overdue: isOverdue(row, now),
    callback: row.callback_at !== null ? { at: row.callback_at, outcome: row.callback_outcome ?? '' } : null,
    fix: row.fix,
    reply: row.reply,
    rectifiedAt: row.rectified_at,
    closedAt: row.closed_at,
    reopenCount: row.reopen_count,
    appeal:
      row.appeal_at !== null
        ? {
            reason: row.appeal_reason ?? '',
            at: row.appeal_at,
            decision:
              row.appeal_decided_at !== null
                ? { upheld: row.appeal_upheld === 1, note: row.appeal_note ?? '', at: row.appeal_decided_at }
                : null,
          }
        : null,
    rater: viewer.kind === 'department' ? { enterpriseName: row.enterprise_name, contactMasked: row.contact_masked } : null,
    history: events.map((e) => ({ action: e.action as TicketAction, at: e.at, by: e.by_name, note: e.note })),
    createdAt: row.created_at,
  };
}

export async function toTickets(repos: Repositories, rows: readonly TicketRow[], viewer: (row: TicketRow) => Viewer, now: string): Promise<Ticket[]> {
  const events = await repos.tickets.events(rows.map((r) => r.id));
  const byTicket = new Map<number, EventRow[]>();
  for (const e of events) byTicket.set(e.ticket_id, [...(byTicket.get(e.ticket_id) ?? []), e]);
  return rows.map((r) => toTicket(r, byTicket.get(r.id) ?? [], viewer(r), now));
}

/** How the caller relates to a ticket; null means it is none of their business (answered as 404). */
export function viewerOf(request: FastifyRequest, row: Pick<TicketRow, 'department_id' | 'enterprise_id'>): Viewer | null {
  const user = request.user!;
  if (user.role === 'admin') return { kind: 'office' };
  if (user.role === 'staff' && user.departmentId === row.department_id) return { kind: 'department' };
  if (user.role === 'enterprise' && user.enterpriseId === row.enterprise_id) return { kind: 'enterprise' };
  return null;
}

export async function loadTicketFor(fastify: FastifyInstance, request: FastifyRequest, id: number): Promise<{ row: TicketRow; viewer: Viewer }> {
  const row = await fastify.repos.tickets.find(id);
  const viewer = row ? viewerOf(request, row) : null;
  if (!row || !viewer) throw new HttpError(404, 'NOT_FOUND', '未找到该工单');
  return { row, viewer };
}
