/** Tables of migration 0006 (distinct-rater counts), merged into the Database interface. */
declare module '../db/schema' {
  interface Database {
    rating_raters: RatingRatersTable;
    rating_group_raters: RatingGroupRatersTable;
    ticket_stats: TicketStatsTable;
  }
}

export type RaterGroupKind = 'all' | 'department' | 'project';

/** One enterprise's live (non-voided) ratings in one group and quarter; 0 once all were voided. */
export interface RatingRatersTable {
  group_kind: RaterGroupKind;
  /** 0 for 'all'. */
  group_id: number;
  quarter: string;
  enterprise_id: number;
  ratings: number;
}

/** Distinct raters of a group in a quarter: the rows of rating_raters with ratings > 0. */
export interface RatingGroupRatersTable {
  group_kind: RaterGroupKind;
  quarter: string;
  group_id: number;
  raters: number;
}

/** Ticket figures per (quarter, department, project; 0 = none), kept by triggers on tickets (migration 0006). */
export interface TicketStatsTable {
  quarter: string;
  department_id: number;
  project_id: number;
  /** Not voided. */
  raised: number;
  called_back: number;
  /** Status rectified or closed. */
  rectified: number;
  on_time: number;
}
