import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../server/db/schema';
import type { SubmissionKind } from './workload';

/**
 * Reads the database after the fact and reports, in words, everything that is half written or
 * inconsistent: the invariants every submission's transaction must keep whatever happened to the process.
 */

export interface Found {
  kind: SubmissionKind;
  ids: number[];
}

export interface Inspection {
  /** Records carrying each marker of the run. */
  byMarker: Map<string, Found>;
  problems: string[];
  counts: { ratings: number; tickets: number; deliveries: number; threads: number; inFlightKeys: number };
}

const num = (v: unknown) => Number(v ?? 0);

async function rows<T>(db: Kysely<Database>, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}

function note(byMarker: Map<string, Found>, marker: string, kind: SubmissionKind, id: number): void {
  const found = byMarker.get(marker) ?? { kind, ids: [] };
  found.ids.push(id);
  byMarker.set(marker, found);
}

async function checkRatings(db: Kysely<Database>, run: string, byMarker: Map<string, Found>, problems: string[]) {
  const mine = await rows<{ id: number; stage: string; overall: number; ticket_id: number | null; created_events: number }>(
    db,
    sql`select r.id, r.stage, r.overall, t.id as ticket_id,
          (select count(*) from ticket_events e where e.ticket_id = t.id and e.action = 'created') as created_events
        from ratings r left join tickets t on t.rating_id = r.id
        where r.stage like ${`${run}-%`}`,
  );
  for (const r of mine) {
    note(byMarker, r.stage, 'rating', num(r.id));
    if (num(r.overall) <= 2 && r.ticket_id === null) problems.push(`rating ${r.id} (overall ${r.overall}) has no ticket`);
    if (num(r.overall) > 2 && r.ticket_id !== null) problems.push(`rating ${r.id} (overall ${r.overall}) has a ticket`);
    if (r.ticket_id !== null && num(r.created_events) !== 1) problems.push(`ticket ${r.ticket_id} has ${r.created_events} 'created' events`);
  }

  // The pre-aggregated statistics must equal what the ratings themselves add up to.
  const actual = await rows<Record<string, unknown>>(
    db,
    sql`select department_id, coalesce(project_id, 0) as project_id, quarter,
          sum(case when overall = 1 then 1 else 0 end) as n1, sum(case when overall = 2 then 1 else 0 end) as n2,
          sum(case when overall = 3 then 1 else 0 end) as n3, sum(case when overall = 4 then 1 else 0 end) as n4,
          sum(case when overall = 5 then 1 else 0 end) as n5,
          sum(efficiency) as sum_efficiency, sum(level) as sum_level, sum(attitude) as sum_attitude
        from ratings where voided = 0 group by department_id, coalesce(project_id, 0), quarter`,
  );
  const stats = await rows<Record<string, unknown>>(db, sql`select * from rating_stats`);
  const cols = ['n1', 'n2', 'n3', 'n4', 'n5', 'sum_efficiency', 'sum_level', 'sum_attitude'];
  const keyOf = (r: Record<string, unknown>) => `${num(r.department_id)}|${num(r.project_id)}|${String(r.quarter)}`;
  const statsByKey = new Map(stats.map((s) => [keyOf(s), s]));
  for (const a of actual) {
    const s = statsByKey.get(keyOf(a));
    const differs = cols.filter((c) => num(a[c]) !== num(s?.[c]));
    if (differs.length > 0) problems.push(`rating_stats ${keyOf(a)} disagrees with the ratings on ${differs.join(', ')}`);
    statsByKey.delete(keyOf(a));
  }
  for (const [key, s] of statsByKey) if (cols.some((c) => num(s[c]) !== 0)) problems.push(`rating_stats ${key} counts ratings that do not exist`);

  // Distinct raters: one rating_raters row per enterprise with its live ratings, per group (a project's
  // ratings count in its department's group too).
  const raters = await rows<{ group_kind: string; group_id: number; quarter: string; enterprise_id: number; ratings: number }>(db, sql`select * from rating_raters`);
  const expected = await rows<{ department_id: number; quarter: string; enterprise_id: number; n: number }>(
    db,
    sql`select department_id, quarter, enterprise_id, count(*) as n from ratings where voided = 0 group by department_id, quarter, enterprise_id`,
  );
  const raterRows = new Map(raters.map((r) => [`${r.group_kind}|${num(r.group_id)}|${r.quarter}|${num(r.enterprise_id)}`, num(r.ratings)]));
  for (const e of expected) {
    const have = raterRows.get(`department|${num(e.department_id)}|${e.quarter}|${num(e.enterprise_id)}`);
    if (have !== num(e.n)) problems.push(`rating_raters department ${e.department_id} ${e.quarter} enterprise ${e.enterprise_id}: ${have} ≠ ${e.n}`);
  }
  const groups = await rows<{ group_kind: string; group_id: number; quarter: string; raters: number }>(db, sql`select * from rating_group_raters`);
  for (const g of groups) {
    const live = raters.filter((r) => r.group_kind === g.group_kind && num(r.group_id) === num(g.group_id) && r.quarter === g.quarter && num(r.ratings) > 0).length;
    if (live !== num(g.raters)) problems.push(`rating_group_raters ${g.group_kind} ${g.group_id} ${g.quarter}: ${g.raters} ≠ ${live} raters`);
  }

  const [ticketTotals] = await rows<{ live: number; raised: number }>(
    db,
    sql`select (select count(*) from tickets where status <> 'voided') as live, (select coalesce(sum(raised), 0) from ticket_stats) as raised`,
  );
  if (num(ticketTotals.live) !== num(ticketTotals.raised)) problems.push(`ticket_stats counts ${ticketTotals.raised} tickets raised, ${ticketTotals.live} exist`);
  return { ratings: mine.length, tickets: mine.filter((r) => r.ticket_id !== null).length };
}

async function checkDeliveries(db: Kysely<Database>, run: string, byMarker: Map<string, Found>, problems: string[]) {
  const mine = await rows<{ id: number; remark: string; submitted: number; audited: number }>(
    db,
    sql`select d.id, d.remark,
          (select count(*) from delivery_events e where e.delivery_id = d.id and e.kind = 'submitted') as submitted,
          (select count(*) from audit_log a where a.action = 'delivery.create' and a.target = 'delivery:' || d.id) as audited
        from deliveries d where d.remark like ${`${run}-%`}`,
  );
  for (const d of mine) {
    note(byMarker, d.remark, 'booking', num(d.id));
    if (num(d.submitted) !== 1) problems.push(`delivery ${d.id} has ${d.submitted} 'submitted' events`);
    if (num(d.audited) !== 1) problems.push(`delivery ${d.id} has ${d.audited} audit entries`);
  }
  // Every place taken is a live booking, and no slot holds more than its capacity.
  const slots = await rows<{ date: string; period: string; booked: number; capacity: number; live: number }>(
    db,
    sql`select u.date, u.period, u.booked, u.capacity,
          (select count(*) from deliveries d where d.date = u.date and d.period = u.period and d.status <> 'cancelled') as live
        from delivery_slot_usage u`,
  );
  let overbooked = 0;
  for (const s of slots) {
    if (num(s.booked) !== num(s.live)) problems.push(`slot ${s.date} ${s.period}: ${s.booked} places taken, ${s.live} bookings`);
    if (num(s.live) > num(s.capacity)) {
      overbooked++;
      problems.push(`slot ${s.date} ${s.period} overbooked: ${s.live} > ${s.capacity}`);
    }
  }
  const [orphans] = await rows<{ n: number }>(
    db,
    sql`select count(*) as n from deliveries d where d.status <> 'cancelled'
          and not exists (select 1 from delivery_slot_usage u where u.date = d.date and u.period = d.period)`,
  );
  if (num(orphans.n) > 0) problems.push(`${orphans.n} bookings hold no slot place`);
  return { deliveries: mine.length, overbooked };
}

async function checkMessages(db: Kysely<Database>, run: string, byMarker: Map<string, Found>, problems: string[]) {
  const posts = await rows<{ thread_id: number; body: string }>(db, sql`select thread_id, body from message_posts where body like ${`%${run}-%`}`);
  const pattern = new RegExp(`${run}-\\d+$`);
  for (const p of posts) {
    const marker = pattern.exec(p.body)?.[0];
    if (marker) note(byMarker, marker, 'message', num(p.thread_id));
  }
  const [empty] = await rows<{ n: number }>(db, sql`select count(*) as n from message_threads t where not exists (select 1 from message_posts p where p.thread_id = t.id)`);
  if (num(empty.n) > 0) problems.push(`${empty.n} message threads without a post`);
  return { threads: new Set(posts.map((p) => num(p.thread_id))).size };
}

export async function inspect(db: Kysely<Database>, run: string): Promise<Inspection & { overbookedSlots: number }> {
  const byMarker = new Map<string, Found>();
  const problems: string[] = [];
  const r = await checkRatings(db, run, byMarker, problems);
  const d = await checkDeliveries(db, run, byMarker, problems);
  const m = await checkMessages(db, run, byMarker, problems);
  const [keys] = await rows<{ n: number }>(db, sql`select count(*) as n from idempotency_keys where status = 'in_flight'`);
  if (num(keys.n) > 0) problems.push(`${keys.n} idempotency keys stuck in flight`);
  return {
    byMarker,
    problems,
    overbookedSlots: d.overbooked,
    counts: { ratings: r.ratings, tickets: r.tickets, deliveries: d.deliveries, threads: m.threads, inFlightKeys: num(keys.n) },
  };
}
