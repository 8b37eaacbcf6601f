import { Type, type Static } from '@sinclair/typebox';
import { Id, Instant, MAX_ID } from './common';
import { TICKET_STATUSES } from './satisfaction-labels';

/**
 * 满意度与整改 (PRODUCT.md §3). Five levels as in GB/T 39734-2020 (政务服务“好差评”).
 * Ratings of overall ≤ 2 open a rectification ticket (差评工单) for the responsible department.
 * The labels and the lists they are keyed by live in ./satisfaction-labels (no TypeBox), for the app.
 */
export * from './satisfaction-labels';

export const Score = Type.Integer({ minimum: 1, maximum: 5, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' });
export type Score = 1 | 2 | 3 | 4 | 5;

export const RatingScores = Type.Object(
  { overall: Score, efficiency: Score, level: Score, attitude: Score },
  { additionalProperties: false },
);
export type RatingScores = Static<typeof RatingScores>;

/** A rating of this overall score or lower opens a ticket. */
export const TICKET_THRESHOLD = 2;
/** Statistics hide any group with fewer distinct raters than this. */
export const MIN_GROUP_RATERS = 5;

const stage = Type.String({ minLength: 1, maxLength: 30, description: '阶段，如 立项、施工许可、竣工验收；同一事项每阶段可评一次' });

export const ProjectTarget = Type.Object(
  { kind: Type.Literal('project'), projectId: Id, stage },
  { additionalProperties: false },
);
export const DepartmentTarget = Type.Object(
  {
    kind: Type.Literal('department'),
    departmentId: Id,
    /** Optional: a department's service may be rated once per stage (e.g. 2026Q4 or 企业开办); default 一次. */
    stage: Type.Optional(stage),
  },
  { additionalProperties: false },
);
export const DeliveryTarget = Type.Object({ kind: Type.Literal('delivery'), deliveryId: Id }, { additionalProperties: false });
export const RatingTarget = Type.Union([ProjectTarget, DepartmentTarget, DeliveryTarget]);
export type RatingTarget = Static<typeof RatingTarget>;
export type RatingTargetKind = RatingTarget['kind'];

/** data:image/(jpeg|png|webp);base64,… of at most 300 KB each (checked by the server after decoding). */
export const PHOTO_MAX_BYTES = 300 * 1024;
export const PhotoDataUrl = Type.String({
  pattern: '^data:image/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$',
  maxLength: 410_000,
  description: '图片 data URL，单张不超过 300 KB',
});

export const ProblemReport = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 20 }),
    description: Type.String({ minLength: 1, maxLength: 500 }),
    photos: Type.Array(PhotoDataUrl, { maxItems: 3, default: [] }),
  },
  { additionalProperties: false },
);
export type ProblemReport = Static<typeof ProblemReport>;

export const NewRating = Type.Object(
  {
    target: RatingTarget,
    scores: RatingScores,
    comment: Type.Optional(Type.String({ maxLength: 500 })),
    problem: Type.Optional(ProblemReport),
    /** Set when the survey was opened from a visit's QR code. */
    visitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type NewRating = Static<typeof NewRating>;

export const RatingCreated = Type.Object({ id: Id, ticketId: Type.Union([Id, Type.Null()]) }, { $id: 'RatingCreated' });
export type RatingCreated = Static<typeof RatingCreated>;

/** What the enterprise has rated (its own ratings only). */
export const MyRating = Type.Object({
  id: Id,
  target: RatingTarget,
  title: Type.String({ description: '被评事项名称，如 项目名、部门名、递送单号' }),
  stage: Type.String(),
  scores: RatingScores,
  comment: Type.String(),
  ticketId: Type.Union([Id, Type.Null()]),
  createdAt: Instant,
});
export type MyRating = Static<typeof MyRating>;

/**
 * GET /ratings/status — for the enterprise itself, before it fills in a survey: what the thing is called
 * and whether (when) it has already rated it at this stage. Name exactly one of the ids.
 */
export const RatingStatusQuery = Type.Object(
  {
    projectId: Type.Optional(Id),
    departmentId: Type.Optional(Id),
    deliveryId: Type.Optional(Id),
    /** Required with a project; optional for a department (its default stage is ''). */
    stage: Type.Optional(stage),
  },
  { additionalProperties: false },
);
export type RatingStatusQuery = Static<typeof RatingStatusQuery>;

export const RatingStatus = Type.Object(
  {
    /** Ready to put into NewRating.target. */
    target: RatingTarget,
    /** The project's or department's name; 证照递送服务 for a delivery. */
    title: Type.String(),
    /** The department that answers for it. */
    department: Type.Object({ id: Id, name: Type.String() }),
    stage: Type.String(),
    /** A delivery's booking as the enterprise knows it (its day and what was delivered); null otherwise. */
    delivery: Type.Union([
      Type.Object({ date: Type.String(), items: Type.Array(Type.Object({ kind: Type.String(), description: Type.Optional(Type.String()) })) }),
      Type.Null(),
    ]),
    /** When this enterprise rated it at this stage; null = not yet. */
    ratedAt: Type.Union([Instant, Type.Null()]),
  },
  { $id: 'RatingStatus' },
);
export type RatingStatus = Static<typeof RatingStatus>;

/** GET /ratings/department-status — which departments this enterprise has rated at one stage (the hub's quarter). */
export const DepartmentRatingStatusQuery = Type.Object({ stage }, { additionalProperties: false });
export type DepartmentRatingStatusQuery = Static<typeof DepartmentRatingStatusQuery>;
export const DepartmentRatingStatus = Type.Object(
  { stage: Type.String(), items: Type.Array(Type.Object({ departmentId: Id, ratedAt: Instant })) },
  { $id: 'DepartmentRatingStatus' },
);
export type DepartmentRatingStatus = Static<typeof DepartmentRatingStatus>;

// ---------------------------------------------------------------- visits (走访)

export const NewVisit = Type.Object(
  {
    enterpriseId: Id,
    projectId: Type.Optional(Id),
    /** Without a project the visit rates this department (default: the visitor's own department). */
    departmentId: Type.Optional(Id),
    stage,
  },
  { additionalProperties: false },
);
export type NewVisit = Static<typeof NewVisit>;

export const VisitCreated = Type.Object(
  {
    id: Id,
    /** ≤ 32 characters (WeChat's limit for a mini-program code's scene). */
    scene: Type.String({ maxLength: 32 }),
    /** For wx.getUnlimitedQRCode / a QR code: pages/survey/index?scene=… */
    miniProgramPath: Type.String(),
    /** For the browser build: /#/pages/survey/index?scene=… */
    h5Url: Type.String(),
  },
  { $id: 'VisitCreated' },
);
export type VisitCreated = Static<typeof VisitCreated>;

/** The survey's pre-fill, for the visited enterprise only. */
export const VisitPrefill = Type.Object(
  {
    id: Id,
    enterprise: Type.Object({ id: Id, name: Type.String() }),
    project: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
    department: Type.Object({ id: Id, name: Type.String() }),
    stage: Type.String(),
    /** Ready to put into NewRating.target. */
    target: RatingTarget,
    ratedAt: Type.Union([Instant, Type.Null()]),
    /**
     * When this enterprise rated this project or department at this stage — through this visit or any
     * other way (one rating per stage). Not null: the survey shows 已评价 instead of a form.
     */
    alreadyRatedAt: Type.Union([Instant, Type.Null()]),
  },
  { $id: 'VisitPrefill' },
);
export type VisitPrefill = Static<typeof VisitPrefill>;

/** A visitor's own visit: whether and when it was rated — never the scores or answers. */
export const VisitSummary = Type.Object({
  id: Id,
  scene: Type.String(),
  miniProgramPath: Type.String(),
  h5Url: Type.String(),
  enterprise: Type.Object({ id: Id, name: Type.String() }),
  project: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  department: Type.Object({ id: Id, name: Type.String() }),
  stage: Type.String(),
  createdAt: Instant,
  /** When the enterprise rated this project or department at this stage; null while it still has to. */
  ratedAt: Type.Union([Instant, Type.Null()]),
  /**
   * true when that rating did not come through this visit (the enterprise had rated the stage another
   * way, e.g. before the visit): nothing is left to rate, and ratedAt is that rating's time.
   */
  ratedElsewhere: Type.Boolean(),
});
export type VisitSummary = Static<typeof VisitSummary>;
export const VisitList = Type.Object({ items: Type.Array(VisitSummary), total: Type.Integer({ minimum: 0 }) });
export type VisitList = Static<typeof VisitList>;
/** GET /visits/:id/code — the visit's 小程序码. */
export const VisitCodeParams = Type.Object({ id: Id }, { additionalProperties: false });
export type VisitCodeParams = Static<typeof VisitCodeParams>;
/** The image bytes (image/png or image/jpeg), for WeChat's own scanner; the same for a visit every time. */
export const VisitCodeImage = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: '小程序码图片（PNG 或 JPEG）' });

/**
 * GET /visits/rated-stages — the stages of one project (or one department's service) the enterprise has
 * already rated, so the visitor picks another. Whether, never how or by whom.
 */
export const RatedStagesQuery = Type.Object(
  {
    enterpriseId: Id,
    projectId: Type.Optional(Id),
    /** Without a project: this department's service (default: the visitor's own department). */
    departmentId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type RatedStagesQuery = Static<typeof RatedStagesQuery>;
export const RatedStages = Type.Object({ stages: Type.Array(Type.String()) }, { $id: 'RatedStages' });
export type RatedStages = Static<typeof RatedStages>;

export const VisitListQuery = Type.Object(
  { page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) },
  { additionalProperties: false },
);

// ---------------------------------------------------------------- tickets (差评工单)

/**
 * open → called_back (callback recorded) → rectified (fix + reply) → closed (enterprise confirms)
 * rectified → reopened (enterprise, reason; deadline restarts) → called_back → …
 * open | called_back | reopened | rectified → appealing (department) → voided (upheld) | back where it was (rejected)
 */
export const TicketStatus = Type.Union(TICKET_STATUSES.map((s) => Type.Literal(s)));
export type TicketStatus = Static<typeof TicketStatus>;

export const TICKET_ACTIONS = ['created', 'callback', 'rectify', 'confirm', 'reopen', 'appeal', 'appeal_upheld', 'appeal_rejected'] as const;
export const TicketAction = Type.Union(TICKET_ACTIONS.map((s) => Type.Literal(s)));
export type TicketAction = Static<typeof TicketAction>;

export const TicketEvent = Type.Object({
  action: TicketAction,
  at: Instant,
  /** 企业 / 部门名称 / 营商办 — never a person. */
  by: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type TicketEvent = Static<typeof TicketEvent>;

export const Ticket = Type.Object(
  {
    id: Id,
    ratingId: Id,
    status: TicketStatus,
    department: Type.Object({ id: Id, name: Type.String() }),
    subject: Type.Object({ kind: Type.Union([Type.Literal('project'), Type.Literal('department'), Type.Literal('delivery')]), title: Type.String(), stage: Type.String() }),
    scores: RatingScores,
    comment: Type.String(),
    problem: Type.Union([Type.Object({ category: Type.String(), description: Type.String(), photoCount: Type.Integer({ minimum: 0 }) }), Type.Null()]),
    /** End of the rectification deadline (working days from the calendar); restarts on reopen. */
    deadlineAt: Instant,
    /** The department must call the enterprise back by then (1 working day). */
    callbackDueAt: Instant,
    overdue: Type.Boolean(),
    callback: Type.Union([Type.Object({ at: Instant, outcome: Type.String() }), Type.Null()]),
    fix: Type.Union([Type.String(), Type.Null()]),
    reply: Type.Union([Type.String(), Type.Null()]),
    rectifiedAt: Type.Union([Instant, Type.Null()]),
    closedAt: Type.Union([Instant, Type.Null()]),
    reopenCount: Type.Integer({ minimum: 0 }),
    appeal: Type.Union([
      Type.Object({
        reason: Type.String(),
        at: Instant,
        decision: Type.Union([Type.Object({ upheld: Type.Boolean(), note: Type.String(), at: Instant }), Type.Null()]),
      }),
      Type.Null(),
    ]),
    /** Only for staff of the responsible department (who must call back); null for everyone else. */
    rater: Type.Union([Type.Object({ enterpriseName: Type.String(), contactMasked: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    history: Type.Array(TicketEvent),
    createdAt: Instant,
  },
  { $id: 'Ticket' },
);
export type Ticket = Static<typeof Ticket>;

/**
 * GET /tickets/:id/contact — the rater's full phone number, for the responsible department's callback
 * only, while the ticket is being handled; every look is written to the audit log.
 */
export const TicketContact = Type.Object(
  { enterpriseName: Type.String(), phone: Type.Union([Type.String(), Type.Null()], { description: '评价人授权的手机号；未授权时为 null' }) },
  { $id: 'TicketContact' },
);
export type TicketContact = Static<typeof TicketContact>;

export const TicketPage = Type.Object({ items: Type.Array(Ticket), total: Type.Integer({ minimum: 0 }) });
export type TicketPage = Static<typeof TicketPage>;

/**
 * The ledger's two halves: 未办结 (every status but closed and voided, most urgent deadline first)
 * and 已办结 (closed and voided, most recently finished first). Absent: every ticket by deadline.
 */
export const TICKET_PROGRESS = ['unfinished', 'finished'] as const;
export const TicketProgress = Type.Union(TICKET_PROGRESS.map((p) => Type.Literal(p)), {
  description: 'unfinished 未办结（按整改期限，最近的在前）；finished 已办结（已办结、已核销，最近办结的在前）；不传为全部（按整改期限）',
});
export type TicketProgress = Static<typeof TicketProgress>;

export const TicketListQuery = Type.Object(
  {
    progress: Type.Optional(TicketProgress),
    status: Type.Optional(TicketStatus),
    department: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: '部门 id（部门人员只能看本部门）' })),
    overdue: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type TicketListQuery = Static<typeof TicketListQuery>;

export const TicketExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]),
    progress: Type.Optional(TicketProgress),
    status: Type.Optional(TicketStatus),
    department: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TicketExportQuery = Static<typeof TicketExportQuery>;

export const MyTicketQuery = Type.Object(
  { page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) },
  { additionalProperties: false },
);

export const TicketCallback = Type.Object(
  {
    /** When the call took place; defaults to now. */
    at: Type.Optional(Instant),
    outcome: Type.String({ minLength: 2, maxLength: 500, description: '回访情况' }),
  },
  { additionalProperties: false },
);
export type TicketCallback = Static<typeof TicketCallback>;
export const TicketRectify = Type.Object(
  { fix: Type.String({ minLength: 2, maxLength: 1000, description: '整改措施' }), reply: Type.String({ minLength: 2, maxLength: 1000, description: '答复企业' }) },
  { additionalProperties: false },
);
export type TicketRectify = Static<typeof TicketRectify>;
export const TicketReopen = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });
export type TicketReopen = Static<typeof TicketReopen>;
export const TicketAppeal = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });
export type TicketAppeal = Static<typeof TicketAppeal>;
export const AppealDecision = Type.Object(
  { upheld: Type.Boolean({ description: 'true = 申诉成立：该评价不计入统计，记录保留' }), note: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type AppealDecision = Static<typeof AppealDecision>;

// ---------------------------------------------------------------- reminder letters (工作提醒函)

export const ReminderItem = Type.Object({
  kind: Type.Union([Type.Literal('ticket'), Type.Literal('message')]),
  id: Id,
  title: Type.String(),
  dueAt: Instant,
  /** Whole working days past the deadline at the time of the letter. */
  overdueWorkingDays: Type.Integer({ minimum: 0 }),
});
export type ReminderItem = Static<typeof ReminderItem>;

export const ReminderLetter = Type.Object(
  {
    id: Id,
    /** 桂字〔2026〕第12号 style number: year + sequence. */
    number: Type.String(),
    department: Type.Object({ id: Id, name: Type.String() }),
    /** The China date the letter covers (one letter per department per day). */
    period: Type.String(),
    items: Type.Array(ReminderItem),
    createdAt: Instant,
  },
  { $id: 'ReminderLetter' },
);
export type ReminderLetter = Static<typeof ReminderLetter>;

export const ReminderLetterSummary = Type.Object({
  id: Id,
  number: Type.String(),
  department: Type.Object({ id: Id, name: Type.String() }),
  period: Type.String(),
  ticketCount: Type.Integer({ minimum: 0 }),
  messageCount: Type.Integer({ minimum: 0 }),
  createdAt: Instant,
});
export const ReminderLetterPage = Type.Object({ items: Type.Array(ReminderLetterSummary), total: Type.Integer({ minimum: 0 }) });
export type ReminderLetterPage = Static<typeof ReminderLetterPage>;
export const ReminderListQuery = Type.Object(
  {
    department: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

/** Everything a printable page needs; the text is ready to print. */
export const ReminderLetterPrint = Type.Object(
  {
    letter: ReminderLetter,
    title: Type.String(),
    salutation: Type.String(),
    paragraphs: Type.Array(Type.String()),
    issuer: Type.String(),
    dateText: Type.String({ description: '如 2026年10月9日' }),
  },
  { $id: 'ReminderLetterPrint' },
);
export type ReminderLetterPrint = Static<typeof ReminderLetterPrint>;

// ---------------------------------------------------------------- statistics

/** 2026Q4 (a quarter) or 2026 (the year). */
export const Period = Type.String({ pattern: '^\\d{4}(Q[1-4])?$', description: '季度如 2026Q4，或全年如 2026' });

export const StatsGroupBy = Type.Union([Type.Literal('department'), Type.Literal('project'), Type.Literal('quarter')]);
export type StatsGroupBy = Static<typeof StatsGroupBy>;

/** Groups per page of the dashboard (a district has ~1,000 key projects: all of them would be ~350 KB). */
export const STATS_PAGE_SIZE = 50;
export const STATS_MAX_PAGE_SIZE = 100;

/** An opaque position in the groups, from `page.nextCursor`; bound to the period and grouping it came from. */
export const StatsCursor = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '上一页返回的 page.nextCursor；不填为第一页' });

export const SatisfactionStatsQuery = Type.Object(
  {
    period: Period,
    by: Type.Optional(StatsGroupBy),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: STATS_MAX_PAGE_SIZE, default: STATS_PAGE_SIZE, description: '每页分组数（按部门、按项目分组时）' })),
    cursor: Type.Optional(StatsCursor),
  },
  { additionalProperties: false },
);
export type SatisfactionStatsQuery = Static<typeof SatisfactionStatsQuery>;

/**
 * Figures of one group. With fewer than MIN_GROUP_RATERS distinct raters every figure is null,
 * `suppressed` is true and `note` says why.
 */
export const SatisfactionFigures = Type.Object({
  suppressed: Type.Boolean(),
  note: Type.Union([Type.String(), Type.Null()]),
  ratings: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** Count per overall score 1..5, index 0 = score 1. */
  distribution: Type.Union([Type.Array(Type.Integer({ minimum: 0 }), { minItems: 5, maxItems: 5 }), Type.Null()]),
  /** Share of 4–5 on overall, 0..1, rounded to 4 decimals. */
  satisfactionRate: Type.Union([Type.Number(), Type.Null()]),
  /** Mean overall score, rounded to 2 decimals. */
  meanOverall: Type.Union([Type.Number(), Type.Null()]),
  meanEfficiency: Type.Union([Type.Number(), Type.Null()]),
  meanLevel: Type.Union([Type.Number(), Type.Null()]),
  meanAttitude: Type.Union([Type.Number(), Type.Null()]),
});
export type SatisfactionFigures = Static<typeof SatisfactionFigures>;

export const TicketFigures = Type.Object({
  raised: Type.Integer({ minimum: 0 }),
  calledBack: Type.Integer({ minimum: 0 }),
  /** calledBack / raised (0..1); null with no tickets. */
  callbackRate: Type.Union([Type.Number(), Type.Null()]),
  rectified: Type.Integer({ minimum: 0 }),
  /** rectified / raised (0..1): of the tickets raised in the period, the share rectified (or closed) so far; null with no tickets. */
  rectificationRate: Type.Union([Type.Number(), Type.Null()]),
  rectifiedOnTime: Type.Integer({ minimum: 0 }),
  /** Rectified by the deadline / (rectified + still open past the deadline); null when none is due yet. */
  onTimeRate: Type.Union([Type.Number(), Type.Null()]),
  overdue: Type.Integer({ minimum: 0 }),
});
export type TicketFigures = Static<typeof TicketFigures>;

export const SatisfactionGroup = Type.Object({
  key: Type.Object({ id: Type.Union([Id, Type.Null()]), name: Type.String() }),
  figures: SatisfactionFigures,
  tickets: TicketFigures,
});
export type SatisfactionGroup = Static<typeof SatisfactionGroup>;

export const TrendPoint = Type.Object({
  quarter: Type.String(),
  suppressed: Type.Boolean(),
  ratings: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  satisfactionRate: Type.Union([Type.Number(), Type.Null()]),
  meanOverall: Type.Union([Type.Number(), Type.Null()]),
});

export const StatsPage = Type.Object({
  /** Groups with ratings or tickets in the period, over all pages. */
  totalGroups: Type.Integer({ minimum: 0 }),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type StatsPage = Static<typeof StatsPage>;

export const SatisfactionStats = Type.Object(
  {
    period: Type.String(),
    by: StatsGroupBy,
    minGroupRaters: Type.Integer(),
    /** The whole district for the period. */
    total: SatisfactionGroup,
    /** One page of the groups, in id order (quarters in order); `total` and `trend` are always over all groups. */
    groups: Type.Array(SatisfactionGroup),
    page: StatsPage,
    /** Up to 8 quarters ending with the period's last quarter. */
    trend: Type.Array(TrendPoint),
    /** Upheld appeals are excluded from every figure. */
    excludedByAppeal: Type.Integer({ minimum: 0 }),
  },
  { $id: 'SatisfactionStats' },
);
export type SatisfactionStats = Static<typeof SatisfactionStats>;

// ---------------------------------------------------------------- quarterly figures (the seed's “XX”)

export const QUARTERLY_FIGURES = [
  'ratings',
  'ticketsRaised',
  'ticketsRectified',
  'ticketsOverdue',
  'reminderLetters',
  'policiesEntered',
  'enterprisesBound',
  'benefitsPaid',
  'deliveriesDelivered',
] as const;
export const QuarterlyFigureKey = Type.Union(QUARTERLY_FIGURES.map((k) => Type.Literal(k)));
export type QuarterlyFigureKey = Static<typeof QuarterlyFigureKey>;

export const QuarterlyFigure = Type.Object({
  key: QuarterlyFigureKey,
  label: Type.String(),
  /** null when the feature behind it is not installed (its table does not exist). */
  value: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  unit: Type.String(),
  /** How it was counted, in words. */
  definition: Type.String(),
  /** GET this (admin) for the ids of the rows behind the figure. */
  drillDown: Type.String(),
});
export type QuarterlyFigure = Static<typeof QuarterlyFigure>;

export const QuarterlyReport = Type.Object(
  {
    period: Type.String(),
    from: Type.String({ description: '起始日期（含）' }),
    to: Type.String({ description: '截止日期（含）' }),
    figures: Type.Array(QuarterlyFigure),
  },
  { $id: 'QuarterlyReport' },
);
export type QuarterlyReport = Static<typeof QuarterlyReport>;

/**
 * The reports' period (not the dashboard's quarter-keyed `Period`): a quarter, a year, or any range of
 * China dates joined by '~' (URL-safe, both ends inclusive, at most 3 years). The server checks the dates.
 */
export const ReportPeriod = Type.String({
  minLength: 1,
  maxLength: 21,
  description: '季度如 2026Q4，全年如 2026，或日期范围 起始~截止（中国日期，含首尾，不超过 3 年）如 2026-10-08~2026-11-27',
});

export const QuarterlyReportQuery = Type.Object(
  { period: ReportPeriod, format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')])) },
  { additionalProperties: false },
);
export type QuarterlyReportQuery = Static<typeof QuarterlyReportQuery>;

export const QuarterlyRowsQuery = Type.Object(
  {
    period: ReportPeriod,
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
  },
  { additionalProperties: false },
);
export const QuarterlyRows = Type.Object({
  figure: QuarterlyFigureKey,
  period: Type.String(),
  /** The table the ids belong to. */
  table: Type.String(),
  total: Type.Integer({ minimum: 0 }),
  ids: Type.Array(Id),
});
export type QuarterlyRows = Static<typeof QuarterlyRows>;
