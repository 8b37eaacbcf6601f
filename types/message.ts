import { Type, type Static } from '@sinclair/typebox';
import { Id, Instant } from './common';

/** 留言 on a policy or a benefit record; staff reply within 1 (simple) or 3 (complex) working days. */
export const MessageComplexity = Type.Union([Type.Literal('simple'), Type.Literal('complex')]);
export type MessageComplexity = Static<typeof MessageComplexity>;

export const MessagePost = Type.Object({
  id: Id,
  from: Type.Union([Type.Literal('enterprise'), Type.Literal('staff')]),
  /** Enterprise name or department name; never a person's name or phone. */
  author: Type.String(),
  body: Type.String(),
  at: Instant,
});

export const MessageThread = Type.Object(
  {
    id: Id,
    subject: Type.Object({
      kind: Type.Union([Type.Literal('policy'), Type.Literal('benefit')]),
      id: Id,
      title: Type.String(),
    }),
    enterprise: Type.Object({ id: Id, name: Type.String() }),
    department: Type.Object({ id: Id, name: Type.String() }),
    complexity: MessageComplexity,
    /** End of the reply deadline, from the working-day calendar. */
    replyDueAt: Instant,
    answered: Type.Boolean(),
    overdue: Type.Boolean(),
    posts: Type.Array(MessagePost),
    createdAt: Instant,
  },
  { $id: 'MessageThread' },
);
export type MessageThread = Static<typeof MessageThread>;

export const NewMessageThread = Type.Object(
  {
    policyId: Type.Optional(Id),
    benefitId: Type.Optional(Id),
    body: Type.String({ minLength: 2, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type NewMessageThread = Static<typeof NewMessageThread>;

export const NewMessagePost = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 1000 }), complexity: Type.Optional(MessageComplexity) },
  { additionalProperties: false },
);
export type NewMessagePost = Static<typeof NewMessagePost>;

/** A thread in a list: no posts, just enough to show it and sort it. */
export const MessageThreadSummary = Type.Object({
  id: Id,
  subject: Type.Object({
    kind: Type.Union([Type.Literal('policy'), Type.Literal('benefit')]),
    id: Id,
    title: Type.String(),
  }),
  enterprise: Type.Object({ id: Id, name: Type.String() }),
  department: Type.Object({ id: Id, name: Type.String() }),
  complexity: MessageComplexity,
  replyDueAt: Instant,
  answered: Type.Boolean(),
  overdue: Type.Boolean(),
  lastPost: Type.Object({ from: Type.Union([Type.Literal('enterprise'), Type.Literal('staff')]), body: Type.String(), at: Instant }),
  createdAt: Instant,
});
export type MessageThreadSummary = Static<typeof MessageThreadSummary>;

export const MessagePage = Type.Object({ items: Type.Array(MessageThreadSummary), total: Type.Integer({ minimum: 0 }) });
export type MessagePage = Static<typeof MessagePage>;

export const MessageListQuery = Type.Object(
  {
    overdue: Type.Optional(Type.Boolean()),
    answered: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type MessageListQuery = Static<typeof MessageListQuery>;
