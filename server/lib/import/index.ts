export { parseCsv, CsvSyntaxError } from './csv';
export { parseSheetDate, isCalendarDate } from './dates';
export { readTable, type SheetRow, type ReadTableOptions } from './table';
export { readUpload, uploadLimits, MAX_UPLOAD_BYTES } from './upload';
export { cellText, readXlsx } from './xlsx';
