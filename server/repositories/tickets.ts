import type { Expression, ExpressionBuilder, Kysely, SqlBool, Updateable } from 'kysely';
import { keysOf, prepared } from '../db/prepared';
import type { Database } from '../db/schema';
import './rating-tables';
import type { TicketsTable } from './rating-tables';

/** Statuses whose deadline is running: past it, the ticket is overdue. */
export const RUNNING_STATUSES = ['open', 'called_back', 'reopened'] as const;

export interface TicketFilter {
  status?: string;
  departmentId?: number;
  enterpriseId?: number;
  /** With `now`: only overdue (true) or only not overdue (false). */
  overdue?: boolean;
  now: string;
}

export type TicketPatch = Updateable<TicketsTable>;

export type NewTicketRow = Pick<TicketsTable, 'rating_id' | 'department_id' | 'enterprise_id' | 'project_id' | 'quarter' | 'status' | 'deadline_at' | 'callback_due_at' | 'created_at' | 'updated_at'>;
export interface NewTicketEvent {
  ticketId: number;
  action: string;
  at: string;
  byName: string;
  actorUserId: number | null;
  note: string | null;
}

// A bad rating raises its ticket with these two, compiled once (server/db/prepared.ts).
const insertTicket = prepared(
  (db, p: NewTicketRow) => db.insertInto('tickets').values({ ...p, reopen_count: 0 }).returning('id'),
  keysOf<NewTicketRow>({ rating_id: true, department_id: true, enterprise_id: true, project_id: true, quarter: true, status: true, deadline_at: true, callback_due_at: true, created_at: true, updated_at: true }),
);
const insertEvent = prepared((db, e: NewTicketEvent) =>
  db.insertInto('ticket_events').values({ ticket_id: e.ticketId, action: e.action, at: e.at, by_name: e.byName, actor_user_id: e.actorUserId, note: e.note }),
);

export function ticketsRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('tickets')
      .innerJoin('ratings', 'ratings.id', 'tickets.rating_id')
      .innerJoin('departments', 'departments.id', 'tickets.department_id')
      .innerJoin('enterprises', 'enterprises.id', 'tickets.enterprise_id')
      .innerJoin('users', 'users.id', 'ratings.user_id')
      .leftJoin('projects', 'projects.id', 'ratings.project_id')
      .selectAll('tickets')
      .select([
        'departments.name as department_name',
        'enterprises.name as enterprise_name',
        'users.phone_masked as contact_masked',
        'projects.name as project_name',
        'ratings.target_kind',
        'ratings.target_id',
        'ratings.stage',
        'ratings.overall',
        'ratings.efficiency',
        'ratings.level',
        'ratings.attitude',
        'ratings.comment',
        'ratings.problem_category',
        'ratings.problem_description',
        'ratings.photo_count',
      ]);
  type Base = ReturnType<typeof base>;

  /** The ledger's filters, as one condition on tickets: the page and its count share it. */
  function matches(f: TicketFilter) {
    return (eb: ExpressionBuilder<Database, 'tickets'>) => {
      const all: Expression<SqlBool>[] = [];
      if (f.status) all.push(eb('tickets.status', '=', f.status));
      if (f.departmentId !== undefined) all.push(eb('tickets.department_id', '=', f.departmentId));
      if (f.enterpriseId !== undefined) all.push(eb('tickets.enterprise_id', '=', f.enterpriseId));
      if (f.overdue === true) all.push(eb('tickets.status', 'in', RUNNING_STATUSES), eb('tickets.deadline_at', '<', f.now));
      if (f.overdue === false) all.push(eb.or([eb('tickets.status', 'not in', RUNNING_STATUSES), eb('tickets.deadline_at', '>=', f.now)]));
      return eb.and(all);
    };
  }

  const filtered = (query: Base, f: TicketFilter): Base => query.where(matches(f));
  const filteredCount = (f: TicketFilter) => db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('total')).where(matches(f));

  return {
    async insert(row: NewTicketRow): Promise<number> {
      return (await insertTicket.one(db, row)).id;
    },

    async addEvent(e: NewTicketEvent): Promise<void> {
      await insertEvent.affected(db, e);
    },

    find(id: number) {
      return base().where('tickets.id', '=', id).executeTakeFirst();
    },

    /** Moves a ticket only if it is still in one of `from`: concurrent actions cannot both apply. */
    async transition(id: number, from: readonly string[], patch: TicketPatch): Promise<boolean> {
      const result = await db.updateTable('tickets').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async events(ticketIds: readonly number[]) {
      if (ticketIds.length === 0) return [];
      return db
        .selectFrom('ticket_events')
        .select(['ticket_id', 'action', 'at', 'by_name', 'note'])
        .where('ticket_id', 'in', ticketIds)
        .orderBy('ticket_id')
        .orderBy('id')
        .execute();
    },

    async list(f: TicketFilter, page: number, pageSize: number) {
      // Counted on tickets alone: the joins of the page follow non-null foreign keys, so they never change the count.
      const countQuery = filteredCount(f);
      const [{ total }, rows] = await Promise.all([
        countQuery.executeTakeFirstOrThrow(),
        filtered(base(), f)
          .orderBy('tickets.deadline_at')
          .orderBy('tickets.id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
      ]);
      return { rows, total: Number(total) };
    },

    /** Every matching ticket, for the ledger export (bounded by the caller). */
    all(f: TicketFilter, limit: number) {
      return filtered(base(), f).orderBy('tickets.deadline_at').orderBy('tickets.id').limit(limit).execute();
    },

    /** Running tickets past their deadline, for reminder letters. */
    overdue(now: string) {
      return base()
        .where('tickets.status', 'in', RUNNING_STATUSES)
        .where('tickets.deadline_at', '<', now)
        .orderBy('tickets.department_id')
        .orderBy('tickets.deadline_at')
        .execute();
    },

    /** Tickets still waiting for their callback past its due time (1 working day after raising or reopening). */
    overdueCallbacks(now: string) {
      return base()
        .where('tickets.status', 'in', ['open', 'reopened'])
        .where('tickets.callback_due_at', '<', now)
        .orderBy('tickets.department_id')
        .orderBy('tickets.callback_due_at')
        .execute();
    },

    departmentName: async (id: number): Promise<string | undefined> =>
      (await db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirst())?.name,
  };
}
export type TicketRow = NonNullable<Awaited<ReturnType<ReturnType<typeof ticketsRepository>['find']>>>;
