import type { AppConfig } from '../config';
import type { WorkingCalendar } from '../lib/working-days';
import type { Repositories } from '../repositories';

export type DemoConfig = Pick<AppConfig, 'dataKey' | 'deliverySlotCapacity' | 'deliveryDepartment' | 'rectifyWorkingDays'>;

/** What the demo activity is written against: the seeded catalogue by name, the clock and calendar. */
export interface DemoContext {
  repos: Repositories;
  config: DemoConfig;
  calendar: WorkingCalendar;
  /** The seed's instant (ISO UTC) and its China date. */
  now: string;
  today: string;
  departments: Map<string, number>;
  /** By index into data/enterprises.ts. */
  enterprises: { id: number; name: string; uscc: string; district: string }[];
  policies: Map<string, number>;
  /** Key projects in the order of data/projects.ts. */
  projects: { id: number; name: string; departmentId: number; enterpriseIndex: number; stages: string[] }[];
  /** Staff user ids by username. */
  staff: Map<string, number>;
  /** Enterprise user ids by enterprise index (filled by the accounts step). */
  owners: Map<number, number>;
  random: () => number;
  /** What was written, for the seed's summary. */
  counts: { ratings: number; tickets: number };
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A China wall-clock time on a China date, as an ISO UTC instant. */
export function chinaInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

export function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`演示数据引用了不存在的${what}：${key}`);
  return value;
}

/**
 * The working day `offset` working days from today: 0 is today when it is a working day (else the
 * next one), 1 the next working day after today, -1 the last one before today.
 */
export function workingDay(ctx: Pick<DemoContext, 'calendar' | 'today'>, offset: number): string {
  if (offset >= 0) return ctx.calendar.addWorkingDays(ctx.today, offset);
  let day = ctx.today;
  for (let found = 0; found < -offset; ) {
    day = shiftDate(day, -1);
    if (ctx.calendar.isWorkingDay(day)) found++;
  }
  return day;
}

/** `days` working days ago at a China time, today's own date for 0 (whatever kind of day it is). */
export function daysAgoAt(ctx: Pick<DemoContext, 'calendar' | 'today'>, days: number, time: string): string {
  return chinaInstant(days === 0 ? ctx.today : workingDay(ctx, -days), time);
}

/**
 * The steps of one story, in order, moved back together just far enough that the last one is
 * behind the seed's clock: a story "today at 15:00" seeded at 09:00 happened early this morning.
 */
export function settle(now: string, instants: readonly string[]): string[] {
  const nowMs = Date.parse(now);
  const times = instants.map((t) => Date.parse(t));
  // Strictly increasing, one minute apart at least, so every timeline sorts the way it happened.
  for (let i = 1; i < times.length; i++) times[i] = Math.max(times[i], times[i - 1] + MINUTE_MS);
  const overshoot = times[times.length - 1] - (nowMs - MINUTE_MS);
  return times.map((t) => new Date(overshoot > 0 ? t - overshoot : t).toISOString());
}

/** Repeatable pseudo-random numbers in [0, 1) (mulberry32): the same demo on every fresh start. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];
