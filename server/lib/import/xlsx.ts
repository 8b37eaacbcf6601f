import ExcelJS from 'exceljs';

const pad = (n: number) => String(n).padStart(2, '0');

/** Date cells come back as UTC-midnight Dates; show them as the date the sheet displays. */
function dateText(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A cell as the text a person sees in it (rich text joined, formulas by their result, dates as YYYY-MM-DD). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === null || typeof result === 'object' && 'error' in result ? '' : cellText(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return '';
  return '';
}

export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxReadError';
  }
}

/** The first worksheet's rows as text, with their sheet row numbers (empty rows are not returned). */
export async function readXlsx(buffer: Buffer): Promise<{ row: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new XlsxReadError('无法读取该 .xlsx 文件，请确认文件未损坏，并用 Excel 或 WPS 另存为 .xlsx 后重试');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}
