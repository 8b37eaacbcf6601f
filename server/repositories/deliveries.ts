import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { DELIVERY_FINISHED_STATUSES } from '../../types/delivery-rules';
import { keysOf, prepared } from '../db/prepared';
import type { Database } from '../db/schema';
import type { DeliveryEventRow, DeliveryHandoverRow, DeliveryRow, DeliveriesTable } from './delivery-tables';

export type NewDeliveryRow = Omit<DeliveriesTable, 'id' | 'tracking_no' | 'failure_reason' | 'cancel_reason' | 'rated_at' | 'status'>;
export type DeliveryPatch = Partial<Pick<DeliveriesTable, 'tracking_no' | 'failure_reason' | 'cancel_reason' | 'date' | 'period'>>;

export interface SlotUsage {
  date: string;
  period: string;
  booked: number;
  capacity: number;
}

export interface QueueFilter {
  date?: string;
  period?: string;
  status?: string;
  /** Keyset: the (date, period, id) of the last row already shown; `page` is then ignored. */
  after?: QueueCursor;
  page: number;
  pageSize: number;
}

export interface QueueCursor {
  date: string;
  period: string;
  id: number;
}

type NewEventRow = Omit<DeliveryEventRow, 'id'>;

// Written into the SQL, not bound: a partial index (migration 0012) serves a query only when the query's
// WHERE holds the index's own predicate, and neither database matches a parameter to it.
const FINISHED_LIST = sql.join(DELIVERY_FINISHED_STATUSES.map((s) => sql.lit(s)));
const isFinished = sql<SqlBool>`${sql.ref('status')} in (${FINISHED_LIST})`;
const isOpen = sql<SqlBool>`${sql.ref('status')} not in (${FINISHED_LIST})`;

// A booking's four writes, compiled once (server/db/prepared.ts).
const createSlot = prepared((db, p: { date: string; period: string; capacity: number; now: string }) =>
  db
    .insertInto('delivery_slot_usage')
    .values({ date: p.date, period: p.period, booked: 0, capacity: p.capacity, updated_at: p.now })
    .onConflict((oc) => oc.columns(['date', 'period']).doNothing()),
);
const takePlace = prepared((db, p: { date: string; period: string; now: string }) =>
  db
    .updateTable('delivery_slot_usage')
    .set((eb) => ({ booked: eb('booked', '+', 1), updated_at: p.now }))
    .where('date', '=', p.date)
    .where('period', '=', p.period)
    .whereRef('booked', '<', 'capacity'),
);
const insertDelivery = prepared(
  (db, p: NewDeliveryRow) => db.insertInto('deliveries').values({ ...p, status: 'submitted' }).returning('id'),
  keysOf<NewDeliveryRow>({
    enterprise_id: true, created_by: true, items: true, mode: true, recipient_name: true, phone_enc: true, phone_masked: true, address_enc: true,
    address_masked: true, date: true, period: true, remark: true, created_at: true, updated_at: true,
  }),
);
const insertEvent = prepared(
  (db, p: NewEventRow) => db.insertInto('delivery_events').values({ ...p }),
  keysOf<NewEventRow>({ delivery_id: true, kind: true, status: true, at: true, by_name: true, actor_user_id: true, note: true }),
);

export function deliveriesRepository(db: Kysely<Database>) {
  const withEnterprise = () =>
    db.selectFrom('deliveries').innerJoin('enterprises', 'enterprises.id', 'deliveries.enterprise_id').selectAll('deliveries').select('enterprises.name as enterprise_name');

  return {
    /** Makes sure the slot's counter row exists; a concurrent creator simply wins. */
    async ensureSlot(date: string, period: string, capacity: number, now: string): Promise<void> {
      await createSlot.affected(db, { date, period, capacity, now });
    },

    /**
     * Takes one place in a slot with a single conditional UPDATE: the row lock (PostgreSQL) or the
     * write lock (SQLite) makes the check and the increment one step, so a slot is never overbooked.
     */
    async takeSlot(date: string, period: string, now: string): Promise<boolean> {
      return (await takePlace.affected(db, { date, period, now })) === 1;
    },

    async releaseSlot(date: string, period: string, now: string): Promise<void> {
      await db
        .updateTable('delivery_slot_usage')
        .set((eb) => ({ booked: eb('booked', '-', 1), updated_at: now }))
        .where('date', '=', date)
        .where('period', '=', period)
        .where('booked', '>', 0)
        .execute();
    },

    async setCapacity(date: string, period: string, capacity: number, now: string): Promise<SlotUsage> {
      return db
        .insertInto('delivery_slot_usage')
        .values({ date, period, booked: 0, capacity, updated_at: now })
        .onConflict((oc) => oc.columns(['date', 'period']).doUpdateSet({ capacity, updated_at: now }))
        .returning(['date', 'period', 'booked', 'capacity'])
        .executeTakeFirstOrThrow();
    },

    slotUsage(from: string, to: string): Promise<SlotUsage[]> {
      return db.selectFrom('delivery_slot_usage').select(['date', 'period', 'booked', 'capacity']).where('date', '>=', from).where('date', '<=', to).execute();
    },

    async insert(row: NewDeliveryRow): Promise<number> {
      return (await insertDelivery.one(db, row)).id;
    },

    async addEvent(event: NewEventRow): Promise<void> {
      await insertEvent.affected(db, event);
    },

    findById(id: number): Promise<DeliveryRow | undefined> {
      return withEnterprise().where('deliveries.id', '=', id).executeTakeFirst();
    },

    /**
     * Moves a booking only if it is still in one of `from`: two staff pressing at once, or a cancel
     * racing a dispatch, cannot both succeed. Returns whether this call made the change.
     */
    async transition(id: number, from: readonly string[], to: string, patch: DeliveryPatch, now: string): Promise<boolean> {
      const result = await db
        .updateTable('deliveries')
        .set({ ...patch, status: to, updated_at: now })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    events(deliveryId: number): Promise<DeliveryEventRow[]> {
      return db.selectFrom('delivery_events').selectAll().where('delivery_id', '=', deliveryId).orderBy('id').execute();
    },

    handover(deliveryId: number): Promise<DeliveryHandoverRow | undefined> {
      return db.selectFrom('delivery_handovers').selectAll().where('delivery_id', '=', deliveryId).executeTakeFirst();
    },

    async saveHandover(row: DeliveryHandoverRow): Promise<void> {
      await db.insertInto('delivery_handovers').values(row).execute();
    },

    /**
     * An enterprise's bookings: the open ones first, soonest slot first (what comes next is on top), then
     * the finished ones, latest slot first. Each half reads its page from its own partial index (migration
     * 0012) and a page that straddles the two takes the rest from the second; rows are then read by id.
     */
    async listByEnterprise(enterpriseId: number, page: number, pageSize: number): Promise<{ rows: DeliveryRow[]; total: number }> {
      const mine = (half: Expression<SqlBool>) => db.selectFrom('deliveries').where('enterprise_id', '=', enterpriseId).where(half);
      const count = async (half: Expression<SqlBool>) =>
        Number((await mine(half).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const [open, finished] = await Promise.all([count(isOpen), count(isFinished)]);
      const offset = (page - 1) * pageSize;
      const openIds =
        offset < open ? await mine(isOpen).select('id').orderBy('date').orderBy('period').orderBy('id').limit(pageSize).offset(offset).execute() : [];
      const room = pageSize - openIds.length;
      const finishedIds =
        room > 0 && offset + openIds.length < open + finished
          ? await mine(isFinished)
              .select('id')
              .orderBy('date', 'desc')
              .orderBy('period', 'desc')
              .orderBy('id', 'desc')
              .limit(room)
              .offset(Math.max(0, offset - open))
              .execute()
          : [];
      const ids = [...openIds, ...finishedIds].map((r) => r.id);
      const found = ids.length ? await withEnterprise().where('deliveries.id', 'in', ids).execute() : [];
      const byId = new Map(found.map((r) => [r.id, r]));
      return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: open + finished };
    },

    /**
     * The staff queue: by date and slot, 上午 before 下午 (they sort that way as text too), then id.
     * Reads its page in the order of deliveries_queue_idx / deliveries_status_queue_idx; with `after`
     * (the last row of the previous page) it seeks there instead of skipping rows, however deep.
     */
    async queue(filter: QueueFilter): Promise<{ rows: DeliveryRow[]; total: number }> {
      let base = db.selectFrom('deliveries');
      if (filter.date) base = base.where('date', '=', filter.date);
      if (filter.period) base = base.where('period', '=', filter.period);
      if (filter.status) base = base.where('status', '=', filter.status);
      let page = base.select('id');
      const after = filter.after;
      if (after) page = page.where((eb) => eb(eb.refTuple('date', 'period', 'id'), '>', eb.tuple(after.date, after.period, after.id)));
      page = page.orderBy('date').orderBy('period').orderBy('id').limit(filter.pageSize);
      if (!after) page = page.offset((filter.page - 1) * filter.pageSize);
      // Deferred join: the page's ids come from the index alone (however deep), then only those rows are read.
      const [{ total }, ids] = await Promise.all([base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(), page.execute()]);
      const found = ids.length ? await withEnterprise().where('deliveries.id', 'in', ids.map((r) => r.id)).execute() : [];
      const byId = new Map(found.map((r) => [r.id, r]));
      const rows = ids.flatMap((r) => byId.get(r.id) ?? []);
      return { rows, total: Number(total) };
    },

    /** Every booking whose slot date lies in [from, to], for the export. */
    range(from: string, to: string): Promise<DeliveryRow[]> {
      return withEnterprise()
        .where('deliveries.date', '>=', from)
        .where('deliveries.date', '<=', to)
        .orderBy('deliveries.date')
        .orderBy('deliveries.period')
        .orderBy('deliveries.id')
        .execute();
    },

    /** Receiver and time of each handover in the export range (without the signature image). */
    handoversInRange(from: string, to: string): Promise<{ delivery_id: number; receiver_name: string; at: string }[]> {
      return db
        .selectFrom('delivery_handovers')
        .innerJoin('deliveries', 'deliveries.id', 'delivery_handovers.delivery_id')
        .select(['delivery_handovers.delivery_id', 'delivery_handovers.receiver_name', 'delivery_handovers.at'])
        .where('deliveries.date', '>=', from)
        .where('deliveries.date', '<=', to)
        .execute();
    },

    /** For the satisfaction feature: true when this call recorded the (first) rating of a delivered booking. */
    async markRated(id: number, now: string = new Date().toISOString()): Promise<boolean> {
      const result = await db
        .updateTable('deliveries')
        .set({ rated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'delivered')
        .where('rated_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async departmentName(departmentId: number): Promise<string | undefined> {
      const row = await db.selectFrom('departments').select('name').where('id', '=', departmentId).executeTakeFirst();
      return row?.name;
    },
  };
}
