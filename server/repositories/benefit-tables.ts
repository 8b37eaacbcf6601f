import type { Generated } from 'kysely';

/**
 * Tables of migration 0003 (benefits, messages, subscriptions, calendar), merged into the
 * Database interface here so the shared schema file needs no edit per feature.
 */
declare module '../db/schema' {
  interface Database {
    calendar_overrides: CalendarOverridesTable;
    benefits: BenefitsTable;
    benefit_events: BenefitEventsTable;
    message_threads: MessageThreadsTable;
    message_posts: MessagePostsTable;
    subscription_credits: SubscriptionCreditsTable;
    notifications: NotificationsTable;
  }
}

export interface CalendarOverridesTable {
  id: Generated<number>;
  date: string;
  kind: 'workday' | 'holiday';
  name: string;
  updated_by: number | null;
  updated_at: string;
}

export interface BenefitsTable {
  id: Generated<number>;
  policy_id: number;
  enterprise_id: number;
  status: string;
  basis: string | null;
  data_used: string | null;
  /** Money in fen (integer) so both databases add and compare it exactly. */
  amount_fen: number | null;
  objection: string | null;
  paid_amount_fen: number | null;
  paid_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface BenefitEventsTable {
  id: Generated<number>;
  benefit_id: number;
  status: string;
  /** Enterprise or department name; never a person. */
  by_name: string;
  actor_user_id: number | null;
  note: string | null;
  at: string;
}

export interface MessageThreadsTable {
  id: Generated<number>;
  enterprise_id: number;
  department_id: number;
  policy_id: number;
  benefit_id: number | null;
  complexity: 'simple' | 'complex';
  /** When the question now waiting for an answer was asked; the deadline counts from here. */
  asked_at: string;
  reply_due_at: string;
  answered: number;
  created_at: string;
  updated_at: string;
}

export interface MessagePostsTable {
  id: Generated<number>;
  thread_id: number;
  from_side: 'enterprise' | 'staff';
  author: string;
  author_user_id: number;
  body: string;
  at: string;
}

export interface SubscriptionCreditsTable {
  id: Generated<number>;
  user_id: number;
  template_id: string;
  created_at: string;
  spent_at: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  template_key: string;
  /** sent | skipped (no credit) | refused (WeChat 43101) | failed (other errors). */
  status: string;
  errcode: number | null;
  page: string | null;
  at: string;
}
