/** A CSV record with the spreadsheet row it starts on (1-based; a quoted newline does not start a new row). */
export type CsvRecord = string[];

export class CsvSyntaxError extends Error {
  constructor(readonly row: number) {
    super(`第${row}行的引号没有闭合`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF, LF or CR; a field in double quotes may
 * hold commas, quotes (doubled) and newlines. Spreadsheet exports are lenient, so a quote inside an
 * unquoted field is kept as text rather than rejected.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let recordStart = 1;
  let i = 0;

  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    recordStart = records.length + 1;
  };

  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new CsvSyntaxError(recordStart);
  // A final line break does not start another (empty) record.
  if (fieldStarted || field !== '' || record.length > 0) endRecord();
  return records;
}
