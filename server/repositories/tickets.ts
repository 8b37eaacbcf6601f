import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import { TICKET_FINISHED_STATUSES } from '../../types/satisfaction-labels';
import { keysOf, prepared } from '../db/prepared';
import type { Database } from '../db/schema';
import './rating-tables';
import type { TicketsTable } from './rating-tables';

/** Statuses whose rectification deadline is running: past it, the ticket is overdue. */
export const RUNNING_STATUSES = ['open', 'called_back', 'reopened'] as const;
/** Statuses still waiting for the department's callback: past callback_due_at, the ticket is overdue too. */
export const AWAITING_CALLBACK_STATUSES = ['open', 'reopened'] as const;

type TicketOverdueFields = Pick<TicketsTable, 'status' | 'deadline_at' | 'callback_due_at'>;

/**
 * next_due_at of a ticket with nothing due from its department (rectified: the enterprise is to confirm;
 * appealing: paused). Not null, so that 未办结 lists these after every running ticket on both databases
 * (SQLite puts nulls first, PostgreSQL last) straight from the index; and never earlier than any clock.
 */
export const NOTHING_DUE = '9999-12-31T23:59:59.999Z';

/**
 * 逾期, one definition for the ledger filter, the ticket's overdue flag and the 工作提醒函: the rectification
 * deadline has passed while it runs, or the callback is still awaited past its due time. Instants are
 * ISO-8601 UTC text, so comparing the strings compares the times (as the SQL below does).
 */
export function isOverdue(row: TicketOverdueFields, now: string): boolean {
  return isRectificationLate(row, now) || isCallbackLate(row, now);
}
export function isRectificationLate(row: TicketOverdueFields, now: string): boolean {
  return (RUNNING_STATUSES as readonly string[]).includes(row.status) && row.deadline_at < now;
}
export function isCallbackLate(row: TicketOverdueFields, now: string): boolean {
  return (AWAITING_CALLBACK_STATUSES as readonly string[]).includes(row.status) && row.callback_due_at < now;
}

/**
 * The deadline that matters now, kept in tickets.next_due_at so that 未办结 can list the most urgent first
 * from an index: the earlier of the callback and the rectification deadline while the callback is awaited,
 * the rectification deadline after it, NOTHING_DUE while nothing is due, null once finished. A ticket is
 * overdue exactly when this has passed (`isOverdue`), so overdue tickets lead the list.
 */
export function nextDueAt(row: TicketOverdueFields): string | null {
  if ((TICKET_FINISHED_STATUSES as readonly string[]).includes(row.status)) return null;
  if ((AWAITING_CALLBACK_STATUSES as readonly string[]).includes(row.status)) return row.callback_due_at < row.deadline_at ? row.callback_due_at : row.deadline_at;
  if ((RUNNING_STATUSES as readonly string[]).includes(row.status)) return row.deadline_at;
  return NOTHING_DUE;
}

/**
 * nextDueAt in SQL for an update, in the same statement as the patch: an UPDATE's expressions read the
 * row as it was, so a deadline the patch sets is taken from the patch and the other from the row. Every
 * step of the status machine sets the status, so the rule is chosen here, not in SQL.
 */
function nextDueSql(patch: TicketPatch): RawBuilder<string | null> {
  const { status, deadline_at: deadline, callback_due_at: callbackDue } = patch;
  if (deadline !== undefined && callbackDue !== undefined) {
    return sql<string | null>`${nextDueAt({ status, deadline_at: deadline, callback_due_at: callbackDue })}`;
  }
  const D = deadline !== undefined ? sql<string>`${deadline}` : sql.ref<string>('deadline_at');
  const C = callbackDue !== undefined ? sql<string>`${callbackDue}` : sql.ref<string>('callback_due_at');
  if ((TICKET_FINISHED_STATUSES as readonly string[]).includes(status)) return sql<string | null>`null`;
  if ((AWAITING_CALLBACK_STATUSES as readonly string[]).includes(status)) return sql<string>`case when ${C} < ${D} then ${C} else ${D} end`;
  if ((RUNNING_STATUSES as readonly string[]).includes(status)) return sql<string | null>`${D}`;
  return sql<string | null>`${NOTHING_DUE}`;
}

type TicketsEb = ExpressionBuilder<Database, 'tickets'>;
// The same two conditions in SQL: the letters list each on its own (差评整改 / 差评回访), the ledger their union.
const rectificationLate = (eb: TicketsEb, now: string) => eb.and([eb('tickets.status', 'in', RUNNING_STATUSES), eb('tickets.deadline_at', '<', now)]);
const callbackLate = (eb: TicketsEb, now: string) => eb.and([eb('tickets.status', 'in', AWAITING_CALLBACK_STATUSES), eb('tickets.callback_due_at', '<', now)]);
const overdueAt = (eb: TicketsEb, now: string) => eb.or([rectificationLate(eb, now), callbackLate(eb, now)]);

// Written into the SQL, not bound: a partial index (migrations 0011, 0013) serves a query only when the
// query's WHERE holds the index's own predicate, and neither database matches a parameter to it.
const FINISHED_LIST = sql.join(TICKET_FINISHED_STATUSES.map((s) => sql.lit(s)));
const isFinished = sql<SqlBool>`${sql.ref('tickets.status')} in (${FINISHED_LIST})`;
const isUnfinished = sql<SqlBool>`${sql.ref('tickets.status')} not in (${FINISHED_LIST})`;

/** A status or overdue choice outside the chosen half matches nothing (overdue needs a running status). */
function contradicts(f: TicketFilter): boolean {
  if (!f.progress) return false;
  const finished = f.progress === 'finished';
  if (f.status && (TICKET_FINISHED_STATUSES as readonly string[]).includes(f.status) !== finished) return true;
  return finished && f.overdue === true;
}

export interface TicketFilter {
  /** 未办结 or 已办结; it also sets the order (see `ordered`). */
  progress?: 'unfinished' | 'finished';
  status?: string;
  departmentId?: number;
  enterpriseId?: number;
  /** With `now`: only overdue (true) or only not overdue (false). */
  overdue?: boolean;
  now: string;
}

/** A step of the status machine: it always sets the status; next_due_at follows from the rest (the repository sets it). */
export type TicketPatch = Omit<Updateable<TicketsTable>, 'next_due_at' | 'status'> & { status: string };

export type NewTicketRow = Pick<TicketsTable, 'rating_id' | 'department_id' | 'enterprise_id' | 'project_id' | 'quarter' | 'status' | 'deadline_at' | 'callback_due_at' | 'created_at' | 'updated_at'>;
type InsertedTicketRow = NewTicketRow & Pick<TicketsTable, 'next_due_at'>;
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
  (db, p: InsertedTicketRow) => db.insertInto('tickets').values({ ...p, reopen_count: 0 }).returning('id'),
  keysOf<InsertedTicketRow>({
    rating_id: true,
    department_id: true,
    enterprise_id: true,
    project_id: true,
    quarter: true,
    status: true,
    deadline_at: true,
    callback_due_at: true,
    next_due_at: true,
    created_at: true,
    updated_at: true,
  }),
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
    return (eb: TicketsEb) => {
      const all: Expression<SqlBool>[] = [];
      if (f.progress) all.push(f.progress === 'finished' ? isFinished : isUnfinished);
      // Every overdue ticket is unfinished; saying so lets the page read the small 未办结 partial index.
      else if (f.overdue === true) all.push(isUnfinished);
      if (f.status) all.push(eb('tickets.status', '=', f.status));
      if (f.departmentId !== undefined) all.push(eb('tickets.department_id', '=', f.departmentId));
      if (f.enterpriseId !== undefined) all.push(eb('tickets.enterprise_id', '=', f.enterpriseId));
      // Overdue exactly when its next due time has passed (see nextDueAt): a range at the start of the 未办结 index.
      if (f.overdue === true) all.push(eb('tickets.next_due_at', '<', f.now));
      if (f.overdue === false) all.push(eb.not(overdueAt(eb, f.now)));
      return eb.and(all);
    };
  }

  const filtered = (query: Base, f: TicketFilter): Base => query.where(matches(f));
  /**
   * 已办结: the most recently finished first (a finished ticket is never updated again, so updated_at
   * is when it was closed or voided). 未办结, and 逾期 (only unfinished tickets are overdue): the most
   * urgent first — overdue ones, then by the nearest deadline of either kind (next_due_at), from the
   * 未办结 partial indexes of migration 0013. 全部: by rectification deadline. `id` breaks ties.
   * Within one chosen status the deadline order is that same order (both due times follow from when the
   * ticket was raised or reopened; rectified and appealing tickets have nothing due), and the (status,
   * deadline) indexes serve it: SQLite would seek those by the status and then sort by next_due_at.
   */
  const ordered = (query: Base, f: TicketFilter): Base => {
    if (f.progress === 'finished') return query.orderBy('tickets.updated_at', 'desc').orderBy('tickets.id', 'desc');
    if ((f.progress === 'unfinished' || f.overdue === true) && !f.status) return query.orderBy('tickets.next_due_at').orderBy('tickets.id');
    return query.orderBy('tickets.deadline_at').orderBy('tickets.id');
  };
  const filteredCount = (f: TicketFilter) => db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('total')).where(matches(f));

  return {
    async insert(row: NewTicketRow): Promise<number> {
      return (await insertTicket.one(db, { ...row, next_due_at: nextDueAt(row) })).id;
    },

    async addEvent(e: NewTicketEvent): Promise<void> {
      await insertEvent.affected(db, e);
    },

    find(id: number) {
      return base().where('tickets.id', '=', id).executeTakeFirst();
    },

    /** Moves a ticket only if it is still in one of `from`: concurrent actions cannot both apply. */
    async transition(id: number, from: readonly string[], patch: TicketPatch): Promise<boolean> {
      const result = await db
        .updateTable('tickets')
        .set({ ...patch, next_due_at: nextDueSql(patch) })
        .where('id', '=', id)
        .where('status', 'in', from)
        .executeTakeFirst();
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
      // Known empty: no need to walk a half's index to the end to find that out.
      if (contradicts(f)) return { rows: [], total: 0 };
      // Counted on tickets alone: the joins of the page follow non-null foreign keys, so they never change the count.
      const countQuery = filteredCount(f);
      const [{ total }, rows] = await Promise.all([
        countQuery.executeTakeFirstOrThrow(),
        ordered(filtered(base(), f), f)
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
      ]);
      return { rows, total: Number(total) };
    },

    /** Every matching ticket, for the ledger export (bounded by the caller). */
    async all(f: TicketFilter, limit: number) {
      if (contradicts(f)) return [];
      return ordered(filtered(base(), f), f).limit(limit).execute();
    },

    /** Running tickets past their rectification deadline, for reminder letters (差评整改). */
    overdue(now: string) {
      return base()
        .where((eb) => rectificationLate(eb, now))
        .orderBy('tickets.department_id')
        .orderBy('tickets.deadline_at')
        .execute();
    },

    /** Tickets still waiting for their callback past its due time (1 working day after raising or reopening). */
    overdueCallbacks(now: string) {
      return base()
        .where((eb) => callbackLate(eb, now))
        .orderBy('tickets.department_id')
        .orderBy('tickets.callback_due_at')
        .execute();
    },

    departmentName: async (id: number): Promise<string | undefined> =>
      (await db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirst())?.name,
  };
}
export type TicketRow = NonNullable<Awaited<ReturnType<ReturnType<typeof ticketsRepository>['find']>>>;
