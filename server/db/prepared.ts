import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';

/** Stands for a named value while a prepared query is compiled; replaced by the real value on each run. */
class Slot {
  constructor(readonly name: string) {}
}

type Bind<P> = (params: P) => unknown;

/** SQL text of every prepared query → a statement name (PostgreSQL keeps these parsed per connection). */
const statementNames = new Map<string, string>();

/** The name PostgreSQL may keep this statement under, if it is one of the prepared queries. */
export function statementName(sql: string): string | undefined {
  return statementNames.get(sql);
}

interface Compiled<P> {
  query: CompiledQuery;
  binds: Bind<P>[];
}

export interface PreparedQuery<P, O> {
  /** The rows it returns (for a `returning` or a select). */
  rows(db: Kysely<Database>, params: P): Promise<O[]>;
  first(db: Kysely<Database>, params: P): Promise<O | undefined>;
  /** The one row it must return (an insert's `returning`). */
  one(db: Kysely<Database>, params: P): Promise<O>;
  /** How many rows an insert, update or delete touched. */
  affected(db: Kysely<Database>, params: P): Promise<number>;
}

/**
 * A query of the hot paths (a submission's ~10 statements, the session lookup of every request),
 * built and compiled by Kysely once per database kind and then run with new values. Building and
 * compiling anew on every call was ~28 % of a submission's CPU on SQLite (bench/server.ts profile).
 *
 * `build` gets stand-ins for the values (`p.name`): use each as a plain value, never inspect or
 * compute with it. The query's shape must not depend on the values — a list of varying length is
 * a different query (make one per length). With `keys`, `p` can be spread into `.values({ ...p })`.
 */
export function prepared<P extends object, O>(
  build: (db: Kysely<Database>, p: P) => Compilable<O>,
  keys: readonly (keyof P & string)[] = [],
): PreparedQuery<P, O> {
  // Keyed by the dialect's adapter: the app's Kysely and its transactions share one.
  const byAdapter = new WeakMap<object, Compiled<P>>();

  function compiledFor(db: Kysely<Database>): Compiled<P> {
    const adapter = db.getExecutor().adapter;
    let compiled = byAdapter.get(adapter);
    if (!compiled) {
      const query = build(db, standIns<P>(keys)).compile();
      if (!statementNames.has(query.sql)) statementNames.set(query.sql, `ys_prepared_${statementNames.size + 1}`);
      const binds = query.parameters.map((value): Bind<P> => (value instanceof Slot ? (params) => valueOf(params as Record<string, unknown>, value.name) : () => value));
      compiled = { query, binds };
      byAdapter.set(adapter, compiled);
    }
    return compiled;
  }

  async function execute(db: Kysely<Database>, params: P) {
    const { query, binds } = compiledFor(db);
    return db.executeQuery<O>({ ...query, parameters: binds.map((bind) => bind(params)) } as CompiledQuery<O>);
  }

  return {
    async rows(db, params) {
      return (await execute(db, params)).rows;
    },
    async first(db, params) {
      return (await execute(db, params)).rows[0];
    },
    async one(db, params) {
      const row = (await execute(db, params)).rows[0];
      if (row === undefined) throw new Error(`prepared query returned no row: ${compiledFor(db).query.sql.slice(0, 60)}`);
      return row;
    },
    async affected(db, params) {
      return Number((await execute(db, params)).numAffectedRows ?? 0n);
    },
  };
}

function standIns<P>(keys: readonly string[]): P {
  const target = Object.fromEntries(keys.map((k) => [k, new Slot(k)]));
  return new Proxy(target, { get: (t, name) => (typeof name === 'string' ? (t[name] ?? new Slot(name)) : undefined) }) as P;
}

function valueOf(params: Record<string, unknown>, name: string): unknown {
  const value = params[name];
  // A missing value would bind as nothing (SQLite) or fail late (PostgreSQL): a programming error.
  if (value === undefined) throw new Error(`prepared query: no value for "${name}" (use null)`);
  return value;
}

/** The keys of T as a list the compiler checks: a column added to T without adding it here fails to build. */
export function keysOf<T>(all: { [K in keyof T]-?: true }): (keyof T & string)[] {
  return Object.keys(all) as (keyof T & string)[];
}
