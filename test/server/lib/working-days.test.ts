import { createCalendar, endOfChinaDay, toChinaDate } from '../../../server/lib/working-days';

const official = createCalendar([]);

describe('China dates', () => {
  it('converts an instant to the date it is in China (UTC+8)', () => {
    expect(toChinaDate('2026-09-30T15:59:59.999Z')).toBe('2026-09-30');
    expect(toChinaDate('2026-09-30T16:00:00.000Z')).toBe('2026-10-01');
    expect(toChinaDate(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });

  it('says a China day ends at 16:00 UTC', () => {
    expect(endOfChinaDay('2026-10-10')).toBe('2026-10-10T16:00:00.000Z');
  });

  it('rejects impossible dates instead of guessing', () => {
    expect(() => official.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => official.isWorkingDay('26-10-1')).toThrow(RangeError);
    expect(() => toChinaDate('not a date')).toThrow(RangeError);
  });
});

describe('the official 2026 calendar', () => {
  it('rests on 中秋 and 国庆 and names them', () => {
    expect(official.describe('2026-09-25')).toMatchObject({ working: false, reason: '中秋节' });
    expect(official.describe('2026-10-01')).toMatchObject({ working: false, reason: '国庆节' });
    expect(official.describe('2026-10-07')).toMatchObject({ working: false, reason: '国庆节（调休放假）' });
  });

  it('works on a 调休 weekend day and says why', () => {
    // 2026-09-20 is a Sunday and 2026-10-10 a Saturday, both worked to make up for 国庆.
    expect(official.isWorkingDay('2026-09-20')).toBe(true);
    expect(official.describe('2026-10-10')).toMatchObject({ working: true, reason: '调休上班（国庆节）', source: 'official' });
    expect(official.describe('2026-02-14')).toMatchObject({ working: true, reason: '调休上班（春节）' });
  });

  it('rests on an ordinary weekend and works on an ordinary weekday', () => {
    expect(official.describe('2026-11-28')).toMatchObject({ working: false, reason: '周末' });
    expect(official.describe('2026-11-27')).toMatchObject({ working: true, reason: '工作日' });
  });

  it('puts a 3-working-day deadline for a ticket opened 2026-09-30 after 国庆, on the 调休 Saturday', () => {
    // 10-01..10-07 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat 调休上班 (3).
    expect(official.addWorkingDays('2026-09-30T02:00:00.000Z', 3)).toBe('2026-10-10');
    expect(official.deadlineAt('2026-09-30T02:00:00.000Z', 3)).toBe('2026-10-10T16:00:00.000Z');
    expect(official.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('counts an event on a non-working day from the next working day', () => {
    // Saturday 2026-11-28 at 10:00 China time: due at the end of Monday, like an event on Friday.
    expect(official.addWorkingDays('2026-11-28T02:00:00Z', 1)).toBe('2026-11-30');
    expect(official.addWorkingDays('2026-11-27T02:00:00Z', 1)).toBe('2026-11-30');
    // An evening event late in UTC terms is already the next China day.
    expect(official.addWorkingDays('2026-11-27T17:00:00Z', 1)).toBe('2026-11-30');
    expect(official.addWorkingDays('2026-10-02', 1)).toBe('2026-10-08');
  });

  it('treats 0 working days as "by the end of the next working day on or after the event"', () => {
    expect(official.addWorkingDays('2026-11-27', 0)).toBe('2026-11-27');
    expect(official.addWorkingDays('2026-10-01', 0)).toBe('2026-10-08');
  });

  it('counts working days between two days so that it inverts addWorkingDays', () => {
    expect(official.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(official.workingDaysBetween('2026-10-10', '2026-09-30')).toBe(-3);
    expect(official.workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
    const due = official.addWorkingDays('2026-09-18', 15);
    expect(official.workingDaysBetween('2026-09-18', due)).toBe(15);
  });

  it('lists bookable working days, skipping the holiday and including the 调休 Saturday', () => {
    expect(official.nextWorkingDays('2026-09-30', 4)).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    expect(official.nextWorkingDays('2026-10-01', 0)).toEqual([]);
  });
});

describe('admin overrides', () => {
  it('beat the package in both directions', () => {
    const cal = createCalendar([
      { date: '2026-10-10', kind: 'holiday', name: '防汛应急停工' },
      { date: '2026-11-28', kind: 'workday', name: '全区集中办公日' },
    ]);
    expect(cal.describe('2026-10-10')).toMatchObject({ working: false, reason: '防汛应急停工', source: 'override' });
    expect(cal.describe('2026-11-28')).toMatchObject({ working: true, reason: '调休上班（全区集中办公日）' });
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-12');
  });

  it('let the later entry for the same date win', () => {
    const cal = createCalendar([
      { date: '2026-11-27', kind: 'holiday' },
      { date: '2026-11-27', kind: 'workday' },
    ]);
    expect(cal.isWorkingDay('2026-11-27')).toBe(true);
  });

  it('reject a malformed entry', () => {
    expect(() => createCalendar([{ date: '2027/01/01', kind: 'holiday' }])).toThrow(RangeError);
  });

  it('describe a year the package does not know once the admin has entered it', () => {
    const cal2027 = createCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节' },
    ]);
    expect(cal2027.hasSchedule(2027)).toBe(true);
    expect(cal2027.describe('2027-01-01')).toMatchObject({ working: false, reason: '元旦' });
    expect(cal2027.describe('2027-02-06')).toMatchObject({ working: true, reason: '调休上班（春节）' });
    // 2026-12-31 (Thu) + 1 skips the 元旦 override and lands on Monday 2027-01-04.
    expect(cal2027.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });
});

describe('a year the package does not know and nobody entered', () => {
  it('falls back to weekday rules and says so', () => {
    expect(official.hasSchedule(2026)).toBe(true);
    expect(official.hasSchedule(2027)).toBe(false);
    // 2027-10-01 is a Friday: without a schedule it counts as a working day (the fallback).
    const d = official.describe('2027-10-01');
    expect(d.working).toBe(true);
    expect(d.source).toBe('weekday-rule');
    expect(d.reason).toContain('2027年放假安排尚未录入');
    expect(official.describe('2027-10-02')).toMatchObject({ working: false, source: 'weekday-rule' });
    expect(official.describe('2027-10-02').reason.startsWith('周末')).toBe(true);
  });
});

describe('input limits', () => {
  it('refuses negative or absurd counts', () => {
    expect(() => official.addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
    expect(() => official.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => official.nextWorkingDays('2026-01-05', 1e9)).toThrow(RangeError);
  });
});
