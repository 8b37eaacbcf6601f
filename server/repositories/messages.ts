import type { Kysely } from 'kysely';
import type { MessageComplexity, MessageThread, MessageThreadSummary } from '../../types/message';
import { prepared } from '../db/prepared';
import type { Database } from '../db/schema';
import './benefit-tables';

type NewThread = { enterpriseId: number; departmentId: number; policyId: number; benefitId: number | null; askedAt: string; replyDueAt: string };
type NewPost = { threadId: number; from: 'enterprise' | 'staff'; author: string; authorUserId: number; body: string; at: string };

// A new 留言's two writes, compiled once (server/db/prepared.ts).
const insertThreadRow = prepared((db, t: NewThread) =>
  db
    .insertInto('message_threads')
    .values({
      enterprise_id: t.enterpriseId,
      department_id: t.departmentId,
      policy_id: t.policyId,
      benefit_id: t.benefitId,
      complexity: 'simple',
      asked_at: t.askedAt,
      reply_due_at: t.replyDueAt,
      answered: 0,
      created_at: t.askedAt,
      updated_at: t.askedAt,
    })
    .returning('id'),
);
const insertPostRow = prepared((db, p: NewPost) =>
  db.insertInto('message_posts').values({ thread_id: p.threadId, from_side: p.from, author: p.author, author_user_id: p.authorUserId, body: p.body, at: p.at }),
);

export interface ThreadRef {
  id: number;
  enterpriseId: number;
  departmentId: number;
  complexity: MessageComplexity;
  askedAt: string;
  answered: boolean;
}

export interface ThreadFilter {
  enterpriseId?: number;
  departmentId?: number;
  overdue?: boolean;
  answered?: boolean;
  page: number;
  pageSize: number;
}

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('message_threads as t')
    .innerJoin('policies as p', 'p.id', 't.policy_id')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .innerJoin('enterprises as e', 'e.id', 't.enterprise_id');
}

type SummaryRow = {
  id: number;
  policy_id: number;
  benefit_id: number | null;
  policy_title: string;
  enterprise_id: number;
  enterprise_name: string;
  department_id: number;
  department_name: string;
  complexity: MessageComplexity;
  reply_due_at: string;
  answered: number;
  created_at: string;
};

function toSummaryBase(r: SummaryRow, now: string): Omit<MessageThreadSummary, 'lastPost'> {
  const answered = r.answered === 1;
  return {
    id: r.id,
    subject:
      r.benefit_id !== null
        ? { kind: 'benefit', id: r.benefit_id, title: r.policy_title }
        : { kind: 'policy', id: r.policy_id, title: r.policy_title },
    enterprise: { id: r.enterprise_id, name: r.enterprise_name },
    department: { id: r.department_id, name: r.department_name },
    complexity: r.complexity,
    replyDueAt: r.reply_due_at,
    answered,
    // ISO-8601 UTC strings of one format compare correctly as text.
    overdue: !answered && r.reply_due_at < now,
    createdAt: r.created_at,
  };
}

const SUMMARY_COLUMNS = [
  't.id',
  't.policy_id',
  't.benefit_id',
  'p.title as policy_title',
  't.enterprise_id',
  'e.name as enterprise_name',
  't.department_id',
  'd.name as department_name',
  't.complexity',
  't.reply_due_at',
  't.answered',
  't.created_at',
] as const;

export function messagesRepository(db: Kysely<Database>) {
  return {
    async insertThread(t: NewThread): Promise<number> {
      return (await insertThreadRow.one(db, t)).id;
    },

    async addPost(p: NewPost): Promise<void> {
      await insertPostRow.affected(db, p);
    },

    async updateThread(id: number, patch: { complexity?: MessageComplexity; askedAt?: string; replyDueAt?: string; answered?: boolean; at: string }) {
      await db
        .updateTable('message_threads')
        .set({
          updated_at: patch.at,
          ...(patch.complexity !== undefined ? { complexity: patch.complexity } : {}),
          ...(patch.askedAt !== undefined ? { asked_at: patch.askedAt } : {}),
          ...(patch.replyDueAt !== undefined ? { reply_due_at: patch.replyDueAt } : {}),
          ...(patch.answered !== undefined ? { answered: patch.answered ? 1 : 0 } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    async findRef(id: number): Promise<ThreadRef | undefined> {
      const row = await db
        .selectFrom('message_threads')
        .select(['id', 'enterprise_id', 'department_id', 'complexity', 'asked_at', 'answered'])
        .where('id', '=', id)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          enterpriseId: row.enterprise_id,
          departmentId: row.department_id,
          complexity: row.complexity,
          askedAt: row.asked_at,
          answered: row.answered === 1,
        }
      );
    },

    async view(id: number, now: string): Promise<MessageThread | undefined> {
      const row = await summaryQuery(db).select(SUMMARY_COLUMNS).where('t.id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const posts = await db.selectFrom('message_posts').select(['id', 'from_side', 'author', 'body', 'at']).where('thread_id', '=', id).orderBy('id').execute();
      return {
        ...toSummaryBase(row, now),
        posts: posts.map((p) => ({ id: p.id, from: p.from_side, author: p.author, body: p.body, at: p.at })),
      };
    },

    /** Overdue (unanswered and past the deadline at `now`) first, then by deadline, oldest first. */
    async list(filter: ThreadFilter, now: string): Promise<{ items: MessageThreadSummary[]; total: number }> {
      // Filters on the thread alone, so the count reads message_threads (its joins follow non-null foreign keys).
      let threads = db.selectFrom('message_threads as t');
      if (filter.enterpriseId !== undefined) threads = threads.where('t.enterprise_id', '=', filter.enterpriseId);
      if (filter.departmentId !== undefined) threads = threads.where('t.department_id', '=', filter.departmentId);
      if (filter.answered !== undefined) threads = threads.where('t.answered', '=', filter.answered ? 1 : 0);
      if (filter.overdue === true) threads = threads.where('t.answered', '=', 0).where('t.reply_due_at', '<', now);
      if (filter.overdue === false) threads = threads.where((eb) => eb.or([eb('t.answered', '=', 1), eb('t.reply_due_at', '>=', now)]));
      const [{ total }, page] = await Promise.all([
        threads.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
        threads
          .select('t.id')
          // Overdue first needs no expression of its own: among the unanswered, the overdue are exactly
          // those due before now, so (answered, reply_due_at, id) puts them first — and an index serves that order.
          .orderBy('t.answered')
          .orderBy('t.reply_due_at')
          .orderBy('t.id')
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
      ]);
      const pageIds = page.map((r) => r.id);
      const found = pageIds.length ? await summaryQuery(db).select(SUMMARY_COLUMNS).where('t.id', 'in', pageIds).execute() : [];
      const byId = new Map(found.map((r) => [r.id, r]));
      const rows = pageIds.flatMap((id) => byId.get(id) ?? []);
      const ids = rows.map((r) => r.id);
      const lastPosts = ids.length
        ? await db
            .selectFrom('message_posts as mp')
            .select(['mp.thread_id', 'mp.from_side', 'mp.body', 'mp.at'])
            .where('mp.id', 'in', (eb) =>
              eb.selectFrom('message_posts').select((e) => e.fn.max('id').as('id')).where('thread_id', 'in', ids).groupBy('thread_id'),
            )
            .execute()
        : [];
      const lastByThread = new Map(lastPosts.map((p) => [p.thread_id, p]));
      return {
        items: rows.map((r) => {
          const last = lastByThread.get(r.id);
          return {
            ...toSummaryBase(r, now),
            lastPost: last ? { from: last.from_side, body: last.body, at: last.at } : { from: 'enterprise' as const, body: '', at: r.created_at },
          };
        }),
        total: Number(total),
      };
    },

    async enterpriseName(id: number): Promise<string | undefined> {
      const row = await db.selectFrom('enterprises').select('name').where('id', '=', id).executeTakeFirst();
      return row?.name;
    },
  };
}
