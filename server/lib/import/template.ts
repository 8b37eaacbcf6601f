import ExcelJS from 'exceljs';

export interface ImportTemplate<C extends string> {
  /** The sheet staff fill in. */
  sheet: string;
  columns: readonly C[];
  example: Record<C, string>;
  /** Wider columns for long text. */
  wide?: readonly C[];
  /** Columns kept as text, so Excel does not turn dates or 18-character codes into its own formats. */
  text?: readonly C[];
  /** [column, 必填/选填, how to fill it] for the 说明 sheet. */
  notes: readonly (readonly [C, '必填' | '选填', string])[];
  tip: string;
}

/** An import template: the columns in order with one example row, and a 说明 sheet. */
export async function importTemplate<C extends string>(t: ImportTemplate<C>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '营商通';
  const sheet = workbook.addWorksheet(t.sheet);
  sheet.columns = t.columns.map((name) => ({ header: name, key: name, width: t.wide?.includes(name) ? 40 : 16 }));
  sheet.addRow(t.example);
  sheet.getRow(1).font = { bold: true };
  for (const name of t.text ?? []) sheet.getColumn(name).numFmt = '@';

  const notes = workbook.addWorksheet('说明');
  notes.columns = [
    { header: '列名', width: 16 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 80 },
  ];
  for (const note of t.notes) notes.addRow([...note]);
  notes.addRow([]);
  notes.addRow(['提示', '', t.tip]);
  notes.getRow(1).font = { bold: true };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

