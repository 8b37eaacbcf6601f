import { sql, type Kysely } from 'kysely';
import type { Enterprise, EnterpriseScale, NewEnterprise } from '../../types/enterprise';
import type { Database, EnterpriseRow } from '../db/schema';

function toEnterprise(row: EnterpriseRow): Enterprise {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    industry: row.industry,
    scale: row.scale as EnterpriseScale,
    district: row.district,
    qualifications: JSON.parse(row.qualifications) as string[],
    registeredOn: row.registered_on,
  };
}

/** LIKE pattern matching `text` literally anywhere (escape char is backslash on both databases). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function enterprisesRepository(db: Kysely<Database>) {
  return {
    async findById(id: number): Promise<Enterprise | undefined> {
      const row = await db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEnterprise(row);
    },

    async findByUscc(uscc: string): Promise<Enterprise | undefined> {
      const row = await db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirst();
      return row && toEnterprise(row);
    },

    /** Returns null when the USCC already exists (unique constraint), so racing inserts cannot both win. */
    async insert(input: NewEnterprise & { uscc: string }, now: string): Promise<Enterprise | null> {
      const row = await db
        .insertInto('enterprises')
        .values({
          uscc: input.uscc,
          name: input.name.trim(),
          industry: input.industry.trim(),
          scale: input.scale,
          district: input.district.trim(),
          qualifications: JSON.stringify(input.qualifications ?? []),
          registered_on: input.registeredOn ?? null,
          created_at: now,
        })
        .onConflict((oc) => oc.column('uscc').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toEnterprise(row) : null;
    },

    async list(opts: { q?: string; page: number; pageSize: number }): Promise<{ items: Enterprise[]; total: number }> {
      const q = opts.q?.trim();
      const offset = (opts.page - 1) * opts.pageSize;
      if (!q) {
        const [{ total }, rows] = await Promise.all([
          db.selectFrom('enterprises').select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
          db.selectFrom('enterprises').selectAll().orderBy('name').orderBy('id').limit(opts.pageSize).offset(offset).execute(),
        ]);
        return { items: rows.map(toEnterprise), total: Number(total) };
      }
      const name = containsPattern(q);
      const uscc = containsPattern(q.replace(/\s/g, '').toUpperCase());
      const matching = db
        .selectFrom('enterprises')
        .where((eb) => eb.or([sql<boolean>`${eb.ref('name')} like ${name} escape '\\'`, sql<boolean>`${eb.ref('uscc')} like ${uscc} escape '\\'`]));
      // A fragment matches anywhere, so this scans: one pass over the (name, uscc, id) index
      // (migration 0009), not the table, gives the count and the order; only the page's rows are read.
      const matches = await matching.select(['id', 'name']).execute();
      matches.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
      const total = matches.length;
      const ids = matches.slice(offset, offset + opts.pageSize);
      const rows = ids.length === 0 ? [] : await db.selectFrom('enterprises').selectAll().where('id', 'in', ids.map((r) => r.id)).execute();
      const byId = new Map(rows.map((r) => [r.id, toEnterprise(r)]));
      return { items: ids.flatMap((r) => byId.get(r.id) ?? []), total };
    },
  };
}
