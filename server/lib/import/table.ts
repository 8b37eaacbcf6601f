import { HttpError } from '../http-error';
import { CsvSyntaxError, parseCsv } from './csv';
import { readXlsx, XlsxReadError } from './xlsx';

/** A data row of an uploaded sheet: its number as the spreadsheet shows it (header = 1) and its cells by column name. */
export interface SheetRow {
  row: number;
  values: Record<string, string>;
}

export interface ReadTableOptions {
  /** Column names in the template's order; a file must have all of them in its first row (any order). */
  columns: readonly string[];
  maxRows: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const fileError = (message: string) => new HttpError(400, 'IMPORT_FILE', message, 'file');

/** Decodes CSV bytes as UTF-8 (BOM or not); GBK from older Excel is refused with a way out. */
function decodeCsv(buffer: Buffer): string {
  const body = buffer.subarray(0, 3).equals(UTF8_BOM) ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw fileError('文件不是 UTF-8 编码（可能是 GBK）。请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件');
  }
}

async function rawRows(buffer: Buffer, filename: string): Promise<{ row: number; cells: string[] }[]> {
  const lower = filename.toLowerCase();
  const head = buffer.subarray(0, 4);
  if (head.equals(OLE_MAGIC) || lower.endsWith('.xls')) throw fileError('不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV UTF-8 后上传');
  if (head.equals(ZIP_MAGIC)) {
    try {
      return await readXlsx(buffer);
    } catch (err) {
      if (err instanceof XlsxReadError) throw fileError(err.message);
      throw err;
    }
  }
  if (lower.endsWith('.xlsx')) throw fileError('该文件不是有效的 .xlsx 文件');
  if (!lower.endsWith('.csv')) throw fileError('仅支持 .xlsx 或 .csv 文件');
  try {
    return parseCsv(decodeCsv(buffer)).map((cells, i) => ({ row: i + 1, cells }));
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw fileError(`CSV 格式有误：${err.message}`);
    throw err;
  }
}

/** "政策名称*" or " 政策名称（必填）" in a header still names 政策名称. */
const headerName = (cell: string) => cell.trim().replace(/[*＊]$/, '').replace(/[（(]必填[)）]$/, '').trim();

/**
 * Reads an uploaded .xlsx (first sheet) or .csv into rows keyed by column name. The first non-empty
 * row is the header. Throws 400 IMPORT_FILE for what is not a readable table of those columns.
 */
export async function readTable(buffer: Buffer, filename: string, opts: ReadTableOptions): Promise<SheetRow[]> {
  const rows = (await rawRows(buffer, filename)).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = rows;
  if (!header) throw fileError('文件中没有内容，请按导入模板填写后上传');
  const names = header.cells.map(headerName);
  const missing = opts.columns.filter((c) => !names.includes(c));
  if (missing.length > 0) throw fileError(`第${header.row}行（表头）缺少列：${missing.join('、')}。请使用导入模板`);
  if (data.length === 0) throw fileError('文件中只有表头，没有数据行');
  if (data.length > opts.maxRows) throw fileError(`一次最多导入${opts.maxRows}行，本文件有${data.length}行，请拆分后上传`);
  return data.map((r) => {
    const values: Record<string, string> = {};
    for (const column of opts.columns) values[column] = (r.cells[names.indexOf(column)] ?? '').trim();
    return { row: r.row, values };
  });
}
