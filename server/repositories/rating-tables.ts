import type { Generated } from 'kysely';

/**
 * Tables of migration 0005 (满意度与整改), merged into the Database interface here so the shared
 * schema file needs no edit per feature.
 */
declare module '../db/schema' {
  interface Database {
    ratings: RatingsTable;
    rating_photos: RatingPhotosTable;
    rating_stats: RatingStatsTable;
    visits: VisitsTable;
    tickets: TicketsTable;
    ticket_events: TicketEventsTable;
    reminder_letters: ReminderLettersTable;
  }
}

export interface RatingsTable {
  id: Generated<number>;
  enterprise_id: number;
  user_id: number;
  target_kind: 'project' | 'department' | 'delivery';
  target_id: number;
  /** '' when the rated thing has no stages (a delivery, a department rated once). */
  stage: string;
  /** The responsible department, resolved at rating time (ticket owner and statistics group). */
  department_id: number;
  project_id: number | null;
  /** China quarter of created_at, e.g. 2026Q4: the statistics key. */
  quarter: string;
  overall: number;
  efficiency: number;
  level: number;
  attitude: number;
  comment: string;
  problem_category: string | null;
  problem_description: string | null;
  photo_count: number;
  visit_id: number | null;
  /** 1 once an appeal on its ticket is upheld: kept, but out of every statistic. */
  voided: number;
  created_at: string;
}

export interface RatingPhotosTable {
  id: Generated<number>;
  rating_id: number;
  position: number;
  data_url: string;
}

/** Pre-aggregates per (department, project, quarter); project_id 0 = not a project rating. */
export interface RatingStatsTable {
  department_id: number;
  project_id: number;
  quarter: string;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  sum_efficiency: number;
  sum_level: number;
  sum_attitude: number;
}

export interface VisitsTable {
  id: Generated<number>;
  scene: string;
  visitor_user_id: number;
  enterprise_id: number;
  project_id: number | null;
  department_id: number;
  stage: string;
  rating_id: number | null;
  rated_at: string | null;
  created_at: string;
}

export interface TicketsTable {
  id: Generated<number>;
  rating_id: number;
  department_id: number;
  enterprise_id: number;
  project_id: number | null;
  quarter: string;
  status: string;
  deadline_at: string;
  callback_due_at: string;
  /**
   * The deadline that matters now (migration 0013), kept by the tickets repository on every write:
   * see nextDueAt in server/repositories/tickets.ts. Orders 未办结, most urgent first.
   */
  next_due_at: string | null;
  callback_at: string | null;
  callback_outcome: string | null;
  fix: string | null;
  reply: string | null;
  rectified_at: string | null;
  /** 1/0 once rectified: whether the (latest) rectification met the deadline then in force. */
  rectified_on_time: number | null;
  closed_at: string | null;
  reopen_count: number;
  status_before_appeal: string | null;
  appeal_reason: string | null;
  appeal_at: string | null;
  appeal_upheld: number | null;
  appeal_note: string | null;
  appeal_decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  action: string;
  at: string;
  /** Enterprise or department name, or 营商办; never a person. */
  by_name: string;
  actor_user_id: number | null;
  note: string | null;
}

export interface ReminderLettersTable {
  id: Generated<number>;
  department_id: number;
  /** China date the letter covers: one letter per department per day. */
  period: string;
  /** JSON array of ReminderItem. */
  items: string;
  ticket_count: number;
  message_count: number;
  created_at: string;
}
