import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Instant } from './common';

/** An admin's correction of the working-day calendar (e.g. next year's 放假安排 before the package knows it). */
export const CalendarOverrideKind = Type.Union([Type.Literal('workday'), Type.Literal('holiday')]);
export type CalendarOverrideKind = Static<typeof CalendarOverrideKind>;

export const CalendarOverride = Type.Object({
  date: DateOnly,
  kind: CalendarOverrideKind,
  name: Type.String(),
  updatedAt: Instant,
});
export type CalendarOverride = Static<typeof CalendarOverride>;

export const CalendarDay = Type.Object({
  date: DateOnly,
  working: Type.Boolean(),
  /** 中文, e.g. 国庆节, 调休上班（国庆节） */
  reason: Type.String(),
});
export type CalendarDay = Static<typeof CalendarDay>;

export const CalendarYear = Type.Object(
  {
    year: Type.Integer(),
    /** False when neither the package nor an override knows the year: weekday rules apply. */
    hasSchedule: Type.Boolean(),
    overrides: Type.Array(CalendarOverride),
    /** The package's holidays and 调休 working days of the year, for reference. */
    official: Type.Array(CalendarDay),
  },
  { $id: 'CalendarYear' },
);
export type CalendarYear = Static<typeof CalendarYear>;

export const CalendarYearQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);

export const CalendarOverrideInput = Type.Object(
  { kind: CalendarOverrideKind, name: Type.String({ maxLength: 30, default: '' }) },
  { additionalProperties: false },
);
export type CalendarOverrideInput = Static<typeof CalendarOverrideInput>;

export const CalendarDateParams = Type.Object({ date: DateOnly });
