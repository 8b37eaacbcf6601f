import { chinaDateText, chinaDeadlineText, chinaTimeText } from '../../../server/lib/china-text';

describe('dates in texts the server writes', () => {
  it('names the year, in China time whatever the server zone', () => {
    expect(chinaDateText('2026-12-01')).toBe('2026年12月1日');
    expect(chinaTimeText('2026-11-27T02:20:00.000Z')).toBe('2026年11月27日 10:20');
    // 23:30 UTC on 31 December is already 1 January in China.
    expect(chinaTimeText('2026-12-31T23:30:00.000Z')).toBe('2027年1月1日 07:30');
  });

  it('writes a deadline that ends a day as 24:00 of that day, not 00:00 of the next', () => {
    expect(chinaDeadlineText('2026-11-20T16:00:00.000Z')).toBe('2026年11月20日 24:00');
    expect(chinaDeadlineText('2026-12-31T16:00:00.000Z')).toBe('2026年12月31日 24:00');
    expect(chinaDeadlineText('2026-11-20T09:30:00.000Z')).toBe('2026年11月20日 17:30');
  });
});
