import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createCalendar, type WorkingCalendar } from '../lib/working-days';

export interface CalendarHolder extends WorkingCalendar {
  /** Re-reads the admin overrides; call after changing them so every later deadline uses them. */
  reload(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The one working-day calendar of the backend: chinese-days plus the admin's overrides. */
    calendar: CalendarHolder;
  }
}

async function calendarPlugin(fastify: FastifyInstance) {
  const repo = fastify.repos.calendar;
  let current: WorkingCalendar = createCalendar(await repo.all());

  // Methods delegate to the latest calendar, so holders of `fastify.calendar` never see a stale one.
  const holder: CalendarHolder = {
    isWorkingDay: (date) => current.isWorkingDay(date),
    addWorkingDays: (start, n) => current.addWorkingDays(start, n),
    deadlineAt: (start, n) => current.deadlineAt(start, n),
    workingDaysBetween: (a, b) => current.workingDaysBetween(a, b),
    nextWorkingDays: (from, count) => current.nextWorkingDays(from, count),
    describe: (date) => current.describe(date),
    hasSchedule: (year) => current.hasSchedule(year),
    async reload() {
      current = createCalendar(await repo.all());
    },
  };
  fastify.decorate('calendar', holder);
}

export default fp(calendarPlugin, { name: 'calendar', dependencies: ['db', 'clock'] });
