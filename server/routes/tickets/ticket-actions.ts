import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TICKET_STATUS_LABELS, type Ticket, type TicketAction, type TicketStatus } from '../../../types/satisfaction';
import { HttpError } from '../../lib/http-error';
import { createRepositories, type Repositories } from '../../repositories';
import type { TicketPatch, TicketRow } from '../../repositories/tickets';
import { loadTicketFor, toTickets, type Viewer } from './ticket-view';

export interface ActionSpec {
  action: TicketAction;
  /** 中文 verb for messages, e.g. 记录回访. */
  label: string;
  /** Who may do it: the responsible department, the rating enterprise, or the office (admin). */
  by: Viewer['kind'];
  from: readonly TicketStatus[];
  /** Extra precondition with its own message (e.g. one appeal per ticket). */
  guard?: (row: TicketRow) => string | null;
  /** Checks what staff entered against this ticket (e.g. a time); throws its own 400. Runs after the status checks. */
  validate?: (row: TicketRow) => Promise<void>;
  patch: (row: TicketRow, now: string) => TicketPatch;
  note: string | null;
  /** Runs in the same transaction after the move (e.g. take a voided rating out of statistics). */
  after?: (repos: Repositories, row: TicketRow) => Promise<void>;
}

const BY_NAME: Record<Viewer['kind'], (row: TicketRow) => string> = {
  department: (row) => row.department_name,
  // Never the enterprise's name: the history is read by the office and other staff.
  enterprise: () => '企业',
  office: () => '营商办',
};

function statusConflict(row: TicketRow, label: string, hint?: string): HttpError {
  const current = TICKET_STATUS_LABELS[row.status as TicketStatus] ?? row.status;
  return new HttpError(409, 'TICKET_STATUS', `工单当前状态为“${current}”，不能${label}${hint ? `（${hint}）` : ''}`);
}

/** Applies one step of the ticket's status machine; illegal steps answer 409 TICKET_STATUS. */
export async function applyTicketAction(fastify: FastifyInstance, request: FastifyRequest, id: number, spec: ActionSpec): Promise<Ticket> {
  const { row, viewer } = await loadTicketFor(fastify, request, id);
  if (viewer.kind !== spec.by) {
    const who = { department: '责任部门', enterprise: '评价企业', office: '营商办' }[spec.by];
    throw new HttpError(403, 'FORBIDDEN', `只有${who}可以${spec.label}`);
  }
  if (!spec.from.includes(row.status as TicketStatus)) {
    throw statusConflict(row, spec.label, row.status === 'open' && spec.action === 'rectify' ? '请先记录回访情况' : undefined);
  }
  const guardMessage = spec.guard?.(row) ?? null;
  if (guardMessage) throw new HttpError(409, 'TICKET_STATUS', guardMessage);
  await spec.validate?.(row);

  const now = fastify.clock.now().toISOString();
  const userId = request.user!.id;
  await fastify.db.transaction().execute(async (trx) => {
    const repos = createRepositories(trx);
    const moved = await repos.tickets.transition(id, spec.from, { ...spec.patch(row, now), updated_at: now });
    // Someone else moved it between our read and our write.
    if (!moved) throw statusConflict(row, spec.label);
    await repos.tickets.addEvent({ ticketId: id, action: spec.action, at: now, byName: BY_NAME[viewer.kind](row), actorUserId: userId, note: spec.note });
    if (spec.after) await spec.after(repos, row);
  });
  const fresh = await fastify.repos.tickets.find(id);
  const [ticket] = await toTickets(fastify.repos, [fresh!], () => viewer, now);
  return ticket;
}
