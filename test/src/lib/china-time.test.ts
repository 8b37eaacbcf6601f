import {
  addDays,
  chinaDate,
  chinaDateTime,
  chinaDeadline,
  chinaDeadlineDate,
  chinaQuarter,
  chinaToday,
  chinaYear,
  dayLabel,
  daysBetween,
  formalDate,
  parseChinaTime,
  quarterText,
  toChinaInput,
} from '@/lib/china-time';

// 2026-11-27 10:00 in China.
const NOW = new Date('2026-11-27T02:00:00.000Z');

describe('China today, whatever the phone zone', () => {
  it('is already tomorrow in China at 16:00 UTC, and still today at 15:59', () => {
    expect(chinaToday(new Date('2026-12-31T15:59:00.000Z'))).toBe('2026-12-31');
    expect(chinaToday(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(chinaYear(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
  });

  it('counts quarters in China time', () => {
    expect(chinaQuarter(new Date('2026-09-30T15:59:00.000Z'))).toEqual({ year: 2026, quarter: 3 });
    expect(chinaQuarter(new Date('2026-09-30T16:00:00.000Z'))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterText(2026, 4)).toBe('2026年第四季度');
  });

  it('adds and counts calendar days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-27', '2026-12-27')).toBe(30);
    expect(daysBetween('2026-11-27', '2026-11-26')).toBe(-1);
  });
});

describe('instants as people read them', () => {
  it('reads 9月28日 10:05 this year and names the year otherwise', () => {
    expect(chinaDateTime('2026-09-28T02:05:00.000Z', NOW)).toBe('9月28日 10:05');
    expect(chinaDateTime('2025-09-28T02:05:00.000Z', NOW)).toBe('2025年9月28日 10:05');
    expect(chinaDateTime('2027-01-03T01:00:00.000Z', NOW)).toBe('2027年1月3日 09:00');
  });

  it('takes the year from China time: 31 December 20:00 UTC is already next year in China', () => {
    expect(chinaDateTime('2025-12-31T16:30:00.000Z', NOW)).toBe('1月1日 00:30');
    expect(chinaDateTime('2026-12-31T16:30:00.000Z', NOW)).toBe('2027年1月1日 00:30');
  });

  it('shows nothing for what is not an instant', () => {
    expect(chinaDateTime('', NOW)).toBe('');
    expect(chinaDeadline('not a time', NOW)).toBe('');
  });
});

describe('deadlines', () => {
  it('a deadline at the next day 00:00 reads 24:00 of the due day', () => {
    expect(chinaDeadline('2026-11-30T16:00:00.000Z', NOW)).toBe('11月30日 24:00');
    expect(chinaDeadlineDate('2026-11-30T16:00:00.000Z', NOW)).toBe('11月30日');
  });

  it('a deadline due on 31 December stays in its own year', () => {
    expect(chinaDeadline('2026-12-31T16:00:00.000Z', NOW)).toBe('12月31日 24:00');
    expect(chinaDeadline('2025-12-31T16:00:00.000Z', NOW)).toBe('2025年12月31日 24:00');
  });

  it('any other deadline reads as it is', () => {
    expect(chinaDeadline('2026-11-30T15:59:00.000Z', NOW)).toBe('11月30日 23:59');
    expect(chinaDeadline('2026-12-01T10:00:00.000Z', NOW)).toBe('12月1日 18:00');
    expect(chinaDeadlineDate('2026-12-01T10:00:00.000Z', NOW)).toBe('12月1日');
  });
});

describe('dates', () => {
  it('reads 9月28日 this year and 2025年9月28日 otherwise', () => {
    expect(chinaDate('2026-09-28', NOW)).toBe('9月28日');
    expect(chinaDate('2025-09-28', NOW)).toBe('2025年9月28日');
  });

  it('labels booking days with the weekday', () => {
    expect(dayLabel('2026-09-28', NOW)).toBe('9月28日 周一');
    expect(dayLabel('2027-01-02', NOW)).toBe('2027年1月2日 周六');
  });

  it('formal texts always name the year', () => {
    expect(formalDate('2026-03-01')).toBe('2026年3月1日');
  });
});

describe('what staff type', () => {
  it('round-trips the typed China time through an instant', () => {
    expect(parseChinaTime('2026-10-09 14:30')).toBe('2026-10-09T06:30:00.000Z');
    expect(parseChinaTime(' 2026-10-09T08:05 ')).toBe('2026-10-09T00:05:00.000Z');
    expect(toChinaInput('2026-10-09T06:30:00.000Z')).toBe('2026-10-09 14:30');
    expect(toChinaInput('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
  });

  it('rejects days and hours that do not exist instead of rolling them over', () => {
    expect(parseChinaTime('2026-02-30 09:30')).toBeNull();
    expect(parseChinaTime('2026-10-09 24:00')).toBeNull();
    expect(parseChinaTime('2026-10-09 14:60')).toBeNull();
    expect(parseChinaTime('10月9日 14:30')).toBeNull();
  });
});
