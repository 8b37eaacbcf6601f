import { parseCsv, parseSheetDate, isCalendarDate } from '../../../server/lib/import';

describe('parseCsv (RFC 4180)', () => {
  it('splits fields and records, with CRLF, LF or CR line ends', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('"a,1","say ""hi""","line1\r\nline2"\nx,,z')).toEqual([
      ['a,1', 'say "hi"', 'line1\r\nline2'],
      ['x', '', 'z'],
    ]);
  });

  it('does not invent a record for a final line break, but keeps empty fields', () => {
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
    expect(parseCsv('a,\n,b')).toEqual([
      ['a', ''],
      ['', 'b'],
    ]);
  });

  it('names the record whose quote is never closed', () => {
    expect(() => parseCsv('h1,h2\nok,ok\n"open,x\nmore')).toThrow('第3行的引号没有闭合');
  });
});

describe('parseSheetDate', () => {
  it.each([
    ['2026-01-31', '2026-01-31'],
    ['2026-1-5', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['45292', '2024-01-01'],
    ['46053', '2026-01-31'],
  ])('reads %s as %s', (text, date) => {
    expect(parseSheetDate(text)).toBe(date);
  });

  it.each(['2026-02-30', '2026-13-01', '31/01/2026', '2026', 'abc', ''])('rejects %s', (text) => {
    expect(parseSheetDate(text)).toBeNull();
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
  });
});
