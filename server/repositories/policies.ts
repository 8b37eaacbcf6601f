import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Policy, PolicyCondition, PolicyKind, PolicyLevel, PolicyMethod, PolicyStatus } from '../../types/policy';
import type { Database, DbDialect, PolicyRow } from '../db/schema';
import { indexText, toFts5Match, toTsQuery } from '../lib/search';

/** A policy's own fields as a department writes them (status and publication are transitions). */
export interface PolicyFields {
  title: string;
  departmentId: number;
  level: PolicyLevel;
  kind: PolicyKind;
  tags: string[];
  summary: string;
  body: string;
  basisDoc: string;
  amount: string;
  validFrom: string;
  validTo: string | null;
  method: PolicyMethod;
  contact: string;
  conditions: PolicyCondition[];
}

/** What lists need of a policy: no body, plus what matching and ordering use. */
export interface PolicySummaryRow {
  id: number;
  title: string;
  department: { id: number; name: string };
  level: PolicyLevel;
  kind: PolicyKind;
  method: PolicyMethod;
  tags: string[];
  summary: string;
  amount: string;
  basisDoc: string;
  validFrom: string;
  validTo: string | null;
  status: PolicyStatus;
  conditions: PolicyCondition[];
  publishedAt: string | null;
  updatedAt: string;
}

export interface PolicyFilter {
  /** Search tokens (server/lib/search queryTokens); every one must occur. Empty: no text condition. */
  tokens?: readonly string[];
  /** China date; policies whose validTo is before it are expired. */
  today: string;
  includeExpired?: boolean;
  kind?: PolicyKind;
  level?: PolicyLevel;
  departmentId?: number;
  tag?: string;
  method?: PolicyMethod;
}

export interface PolicyFacetCounts {
  departments: { id: number; name: string; count: number }[];
  tags: { name: string; count: number }[];
}

export interface AdminPolicyFilter {
  q?: string;
  status?: PolicyStatus;
  departmentId?: number;
  limit: number;
  offset: number;
}

/**
 * Relevance: for each query token, a weight for each field it occurs in (title 8, tags 4, summary 2,
 * body 1), summed. Computed the same way on both engines, from the per-field token sets (FTS5 column
 * filters; tsvector weight labels A–D), never from bm25 / ts_rank: those order differently, and the
 * same query must give the same top results on SQLite and PostgreSQL. Ties: newest publication first.
 */
const FIELD_WEIGHTS = [
  ['title', 'A', 8],
  ['tags', 'B', 4],
  ['summary', 'C', 2],
  ['body', 'D', 1],
] as const;

const LIST_COLUMNS = [
  'p.id',
  'p.title',
  'p.department_id',
  'd.name as department_name',
  'p.level',
  'p.kind',
  'p.method',
  'p.tags',
  'p.summary',
  'p.amount',
  'p.basis_doc',
  'p.valid_from',
  'p.valid_to',
  'p.status',
  'p.conditions',
  'p.published_at',
  'p.updated_at',
] as const;

type ListRow = Pick<
  PolicyRow,
  'id' | 'title' | 'department_id' | 'level' | 'kind' | 'method' | 'tags' | 'summary' | 'amount' | 'basis_doc' | 'valid_from' | 'valid_to' | 'status' | 'conditions' | 'published_at' | 'updated_at'
> & { department_name: string };

/** The columns a department edits; insert and update write the same set. */
function editableColumns(f: PolicyFields) {
  return {
    title: f.title,
    department_id: f.departmentId,
    level: f.level,
    kind: f.kind,
    tags: JSON.stringify(f.tags),
    summary: f.summary,
    body: f.body,
    basis_doc: f.basisDoc,
    amount: f.amount,
    valid_from: f.validFrom,
    valid_to: f.validTo,
    method: f.method,
    contact: f.contact,
    conditions: JSON.stringify(f.conditions),
  };
}

function toSummary(row: ListRow): PolicySummaryRow {
  return {
    id: row.id,
    title: row.title,
    department: { id: row.department_id, name: row.department_name },
    level: row.level as PolicyLevel,
    kind: row.kind as PolicyKind,
    method: row.method as PolicyMethod,
    tags: JSON.parse(row.tags) as string[],
    summary: row.summary,
    amount: row.amount,
    basisDoc: row.basis_doc,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status as PolicyStatus,
    conditions: JSON.parse(row.conditions) as PolicyCondition[],
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

function toPolicy(row: PolicyRow & { department_name: string }): Policy {
  return { ...toSummary(row), body: row.body, contact: row.contact };
}

const countAll = sql<number | string>`count(*)`.as('n');

/** LIKE pattern matching `text` literally anywhere (escape char is backslash on both databases). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function dialectOf(db: Kysely<Database>): DbDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The index text of each field: tokens only, so both engines see exactly the same words. */
export function searchFields(p: { title: string; tags: readonly string[]; summary: string; body: string; basisDoc: string; amount: string }, departmentName: string) {
  return {
    title: indexText([p.title]),
    tags: indexText([p.tags.join(' '), departmentName]),
    summary: indexText([p.summary]),
    body: indexText([p.body, p.basisDoc, p.amount]),
  };
}

function fieldPresent(dialect: DbDialect, [field, label, weight]: (typeof FIELD_WEIGHTS)[number], token: string): RawBuilder<number> {
  if (dialect === 'postgres') {
    return sql<number>`(s.document @@ to_tsquery('simple', ${`${toTsQuery([token])}:${label}`}))::int * ${sql.lit(weight)}`;
  }
  // Not correlated: SQLite builds each token's id set once per query from the FTS index alone.
  return sql<number>`(p.id in (select rowid from policy_search where policy_search match ${`${field} : ${toFts5Match([token])}`})) * ${sql.lit(weight)}`;
}

function relevance(dialect: DbDialect, tokens: readonly string[]): RawBuilder<number> {
  const parts = tokens.flatMap((t) => FIELD_WEIGHTS.map((fw) => fieldPresent(dialect, fw, t)));
  return sql<number>`(${sql.join(parts, sql` + `)})`;
}

function textMatch(dialect: DbDialect, tokens: readonly string[]): Expression<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`s.document @@ to_tsquery('simple', ${toTsQuery(tokens)})`
    : sql<SqlBool>`s.policy_search match ${toFts5Match(tokens)}`;
}

export function policiesRepository(db: Kysely<Database>) {
  const dialect = dialectOf(db);

  async function departmentName(id: number): Promise<string> {
    const row = await db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirstOrThrow();
    return row.name;
  }

  async function bumpVersion(): Promise<void> {
    await sql`update policy_index_state set version = version + 1 where id = 1`.execute(db);
  }

  async function writeIndex(id: number, fields: ReturnType<typeof searchFields>): Promise<void> {
    if (dialect === 'postgres') {
      await sql`
        insert into policy_search (policy_id, title, tags, summary, body, document)
        values (${id}, ${fields.title}, ${fields.tags}, ${fields.summary}, ${fields.body},
          setweight(to_tsvector('simple', ${fields.title}), 'A') || setweight(to_tsvector('simple', ${fields.tags}), 'B')
          || setweight(to_tsvector('simple', ${fields.summary}), 'C') || setweight(to_tsvector('simple', ${fields.body}), 'D'))
        on conflict (policy_id) do update set title = excluded.title, tags = excluded.tags, summary = excluded.summary,
          body = excluded.body, document = excluded.document`.execute(db);
      return;
    }
    await sql`delete from policy_search where rowid = ${id}`.execute(db);
    await sql`insert into policy_search (rowid, title, tags, summary, body) values (${id}, ${fields.title}, ${fields.tags}, ${fields.summary}, ${fields.body})`.execute(
      db,
    );
  }

  async function reindexOne(id: number): Promise<void> {
    const row = await db
      .selectFrom('policies as p')
      .innerJoin('departments as d', 'd.id', 'p.department_id')
      .select(['p.title', 'p.tags', 'p.summary', 'p.body', 'p.basis_doc', 'p.amount', 'd.name'])
      .where('p.id', '=', id)
      .executeTakeFirstOrThrow();
    const tags = JSON.parse(row.tags) as string[];
    await writeIndex(id, searchFields({ ...row, tags, basisDoc: row.basis_doc }, row.name));
  }

  /** List rows for ids, in the order given. */
  async function rowsByIds(ids: readonly number[]): Promise<PolicySummaryRow[]> {
    const byId = new Map<number, PolicySummaryRow>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('policies as p')
        .innerJoin('departments as d', 'd.id', 'p.department_id')
        .select(LIST_COLUMNS)
        .where('p.id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) byId.set(row.id, toSummary(row));
    }
    return ids.map((id) => byId.get(id)).filter((r): r is PolicySummaryRow => r !== undefined);
  }

  /** Public filters shared by search, matching and facets. */
  /** Public filters shared by search, matching and facets, on the policy alone (ids and counts need no join). */
  function publicPolicies(f: PolicyFilter) {
    let q = db.selectFrom('policies as p').where('p.status', '=', 'published');
    if (!f.includeExpired) q = q.where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>=', f.today)]));
    if (f.kind) q = q.where('p.kind', '=', f.kind);
    if (f.level) q = q.where('p.level', '=', f.level);
    if (f.method) q = q.where('p.method', '=', f.method);
    if (f.departmentId) q = q.where('p.department_id', '=', f.departmentId);
    if (f.tag) q = q.where(sql<SqlBool>`p.tags like ${containsPattern(JSON.stringify(f.tag))} escape '\\'`);
    return q;
  }

  function publicBase(f: PolicyFilter) {
    return publicPolicies(f).innerJoin('departments as d', 'd.id', 'p.department_id');
  }

  /** The public filters plus the text search, for counting (no ranking). */
  function facetBase(f: PolicyFilter) {
    const tokens = f.tokens ?? [];
    if (tokens.length === 0) return publicPolicies(f);
    const joinOn = dialect === 'postgres' ? sql<SqlBool>`s.policy_id = p.id` : sql<SqlBool>`s.rowid = p.id`;
    return publicPolicies(f)
      .innerJoin(sql`policy_search`.as('s'), (join) => join.on(joinOn))
      .where(textMatch(dialect, tokens));
  }

  return {
    dialect,

    /**
     * Moves the version and so takes the index state's row lock: writers that must not interleave
     * (two imports of the same file) call this first in their transaction.
     */
    lockIndex: bumpVersion,

    /** Moves on every policy write; search caches compare it to know their results are current. */
    async version(): Promise<number> {
      const row = await sql<{ version: number }>`select version from policy_index_state where id = 1`.execute(db);
      return Number(row.rows[0]?.version ?? 0);
    },

    async findById(id: number): Promise<Policy | undefined> {
      const row = await db
        .selectFrom('policies as p')
        .innerJoin('departments as d', 'd.id', 'p.department_id')
        .selectAll('p')
        .select('d.name as department_name')
        .where('p.id', '=', id)
        .executeTakeFirst();
      return row && toPolicy(row);
    },

    async insert(f: PolicyFields, now: string): Promise<number> {
      const { id } = await db
        .insertInto('policies')
        .values({
          ...editableColumns(f),
          status: 'draft',
          published_at: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeIndex(id, searchFields(f, await departmentName(f.departmentId)));
      await bumpVersion();
      return id;
    },

    /** Returns false when the policy does not exist. */
    async update(id: number, f: PolicyFields, now: string): Promise<boolean> {
      const result = await db
        .updateTable('policies')
        .set({
          ...editableColumns(f),
          updated_at: now,
        })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await writeIndex(id, searchFields(f, await departmentName(f.departmentId)));
      await bumpVersion();
      return true;
    },

    /**
     * Moves a policy from one status to another only if it is still in `from`, so two staff racing
     * to publish or withdraw cannot both succeed. Returns whether the change happened.
     */
    async transition(id: number, from: PolicyStatus, to: PolicyStatus, now: string): Promise<boolean> {
      const result = await db
        .updateTable('policies')
        .set(to === 'published' ? { status: to, published_at: now, updated_at: now } : { status: to, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await bumpVersion();
      return true;
    },

    /** Rebuilds the index for every policy (after the seed, or to repair it). */
    async reindexAll(): Promise<number> {
      const ids = await db.selectFrom('policies').select('id').orderBy('id').execute();
      for (const { id } of ids) await reindexOne(id);
      await bumpVersion();
      return ids.length;
    },

    /**
     * Published policies for the public, ordered by relevance (when there are tokens), then by
     * publication, newest first. `limit` undefined returns every match (the caller filters further).
     */
    async search(f: PolicyFilter, page?: { limit: number; offset: number }): Promise<{ rows: PolicySummaryRow[]; total: number }> {
      const tokens = f.tokens ?? [];
      const base = publicBase(f);
      if (tokens.length === 0) {
        if (!page) {
          const all = (await base.select(LIST_COLUMNS).orderBy('p.published_at', 'desc').orderBy('p.id', 'desc').execute()).map(toSummary);
          return { rows: all, total: all.length };
        }
        // Deferred join: the page's ids come from the (status, published_at, id, valid_to) index alone, however
        // deep the offset, and only those rows are read; the total is counted apart on (status, valid_to).
        // (A count(*) over () would make every page read and sort all matches first.)
        const [ids, count] = await Promise.all([
          publicPolicies(f).select('p.id').orderBy('p.published_at', 'desc').orderBy('p.id', 'desc').limit(page.limit).offset(page.offset).execute(),
          publicPolicies(f).select(countAll).executeTakeFirstOrThrow(),
        ]);
        return { rows: await rowsByIds(ids.map((r) => r.id)), total: Number(count.n) };
      }
      const joinOn = dialect === 'postgres' ? sql<SqlBool>`s.policy_id = p.id` : sql<SqlBool>`s.rowid = p.id`;
      const matched = base.innerJoin(sql`policy_search`.as('s'), (join) => join.on(joinOn)).where(textMatch(dialect, tokens));
      // Rank on ids alone, then read the page's rows: reading every match's row would cost more than ranking.
      let q = matched
        .select(['p.id', relevance(dialect, tokens).as('score'), sql<number>`count(*) over ()`.as('total')])
        .orderBy(sql`score`, 'desc')
        .orderBy('p.published_at', 'desc')
        .orderBy('p.id', 'desc');
      if (page) q = q.limit(page.limit).offset(page.offset);
      const ranked = await q.execute();
      return {
        rows: await rowsByIds(ranked.map((r) => r.id)),
        total: await totalOf(ranked, async () => Number((await matched.select(countAll).executeTakeFirstOrThrow()).n)),
      };
    },

    /**
     * Every match of a text search, best first, as ids: ranked once, so that each page of it is a
     * slice (search() with an offset ranks all matches again for every page).
     */
    async rankedIds(f: PolicyFilter): Promise<number[]> {
      const tokens = f.tokens ?? [];
      if (tokens.length === 0) throw new RangeError('rankedIds needs search tokens');
      const joinOn = dialect === 'postgres' ? sql<SqlBool>`s.policy_id = p.id` : sql<SqlBool>`s.rowid = p.id`;
      const ranked = await publicBase(f)
        .innerJoin(sql`policy_search`.as('s'), (join) => join.on(joinOn))
        .where(textMatch(dialect, tokens))
        .select(['p.id', relevance(dialect, tokens).as('score')])
        .orderBy(sql`score`, 'desc')
        .orderBy('p.published_at', 'desc')
        .orderBy('p.id', 'desc')
        .execute();
      return ranked.map((r) => r.id);
    },

    /** List rows for these ids, in the order given. */
    summaries: rowsByIds,

    /**
     * Counts for the filter sheets, as standard faceting: each department's count applies every
     * filter but the department, each tag's every filter but the tag, so a count is what picking
     * it gives. A chosen department or tag is listed even when nothing matches (count 0), so the
     * chip can still name it.
     */
    async facets(f: PolicyFilter): Promise<PolicyFacetCounts> {
      const [departments, tagRows] = await Promise.all([
        facetBase({ ...f, departmentId: undefined })
          .innerJoin('departments as d', 'd.id', 'p.department_id')
          .select(['d.id', 'd.name', (eb) => eb.fn.countAll().as('n')])
          .groupBy(['d.id', 'd.name'])
          .orderBy('n', 'desc')
          .orderBy('d.id')
          .execute(),
        facetBase({ ...f, tag: undefined }).select('p.tags').execute(),
      ]);
      const byDepartment = departments.map((d) => ({ id: d.id, name: d.name, count: Number(d.n) }));
      if (f.departmentId && !byDepartment.some((d) => d.id === f.departmentId)) {
        const chosen = await db.selectFrom('departments').select(['id', 'name']).where('id', '=', f.departmentId).executeTakeFirst();
        if (chosen) byDepartment.push({ ...chosen, count: 0 });
      }
      const tags = new Map<string, number>();
      for (const row of tagRows) for (const tag of JSON.parse(row.tags) as string[]) tags.set(tag, (tags.get(tag) ?? 0) + 1);
      const byTag = [...tags].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh'));
      if (f.tag && !tags.has(f.tag)) byTag.push({ name: f.tag, count: 0 });
      return { departments: byDepartment, tags: byTag };
    },

    /** Staff view: every status, newest change first; `q` looks in title and 文号. */
    async adminList(f: AdminPolicyFilter): Promise<{ rows: PolicySummaryRow[]; total: number }> {
      let base = db.selectFrom('policies as p');
      if (f.status) base = base.where('p.status', '=', f.status);
      if (f.departmentId) base = base.where('p.department_id', '=', f.departmentId);
      const text = f.q?.trim();
      if (text) {
        const pattern = containsPattern(text);
        base = base.where((eb) =>
          eb.or([sql<SqlBool>`${eb.ref('p.title')} like ${pattern} escape '\\'`, sql<SqlBool>`${eb.ref('p.basis_doc')} like ${pattern} escape '\\'`]),
        );
      }
      // Deferred join: ids in (…, updated_at, id) index order, then only the page's rows; the total apart.
      const [ids, count] = await Promise.all([
        base.select('p.id').orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc').limit(f.limit).offset(f.offset).execute(),
        base.select(countAll).executeTakeFirstOrThrow(),
      ]);
      return { rows: await rowsByIds(ids.map((r) => r.id)), total: Number(count.n) };
    },

    async departments(): Promise<{ id: number; name: string }[]> {
      return db.selectFrom('departments').select(['id', 'name']).orderBy('id').execute();
    },

    /** (文号, 标题) pairs that already exist among the given 文号, for the import's "skipped". */
    async existingBasisTitles(basisDocs: readonly string[]): Promise<Set<string>> {
      const unique = [...new Set(basisDocs)];
      const found = new Set<string>();
      for (let i = 0; i < unique.length; i += 500) {
        const rows = await db
          .selectFrom('policies')
          .select(['basis_doc', 'title'])
          .where('basis_doc', 'in', unique.slice(i, i + 500))
          .execute();
        for (const r of rows) found.add(basisTitleKey(r.basis_doc, r.title));
      }
      return found;
    },
  };
}

export const basisTitleKey = (basisDoc: string, title: string) => `${basisDoc}\u0000${title}`;

async function totalOf(rows: readonly { total: unknown }[], count: () => Promise<number>): Promise<number> {
  // count(*) over () rides along with the page; past the last page there is no row to carry it.
  return rows.length > 0 ? Number(rows[0].total) : count();
}


export type PoliciesRepository = ReturnType<typeof policiesRepository>;
