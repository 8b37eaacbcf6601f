import ExcelJS from 'exceljs';

/** 2026-09-28T02:00:00.000Z -> 2026-09-28 10:00 (China time), as staff read it. */
export function chinaTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function csvCell(value: string): string {
  // A leading = + - @ would run as a formula when the file is opened in Excel.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM and CRLF, which Excel on Windows opens as Chinese text without an import dialog. */
export function toCsv(table: readonly (readonly string[])[]): Buffer {
  return Buffer.from(`\uFEFF${table.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(sheetName: string, table: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of table) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 5987 filename so Chinese names survive every browser. */
export function attachment(name: string): string {
  return `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
