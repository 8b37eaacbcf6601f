import ExcelJS from 'exceljs';
import { deliveryStatusLabel, type DeliveryItem, type DeliveryStatus } from '../../../../types/delivery';
import type { DeliveryRow } from '../../../repositories/delivery-tables';
import { fullAddress, fullPhone } from '../../deliveries/delivery-view';

export interface ExportHandover {
  receiverName: string;
  at: string;
}

const HEADER = ['编号', '企业', '证照', '方式', '收件人', '联系电话', '收件地址', '预约日期', '时段', '状态', '快递单号', '签收人', '签收时间', '失败原因', '取消原因', '提交时间'];

/** 2026-09-28T02:00:00.000Z -> 2026-09-28 10:00 (China time), as staff read it. */
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function itemsText(json: string): string {
  return (JSON.parse(json) as DeliveryItem[]).map((i) => `${i.kind}${i.description ? `（${i.description}）` : ''}×${i.quantity}`).join('；');
}

/** One row per booking; full phone and address only when `full` (the caller decided the role may see them). */
export function exportRows(rows: DeliveryRow[], handovers: Map<number, ExportHandover>, full: boolean, key: Buffer): string[][] {
  return [
    HEADER,
    ...rows.map((r) => {
      const address = full ? fullAddress(r, key) : null;
      const h = handovers.get(r.id);
      return [
        String(r.id),
        r.enterprise_name,
        itemsText(r.items),
        r.mode,
        r.recipient_name,
        full ? fullPhone(r, key) : r.phone_masked,
        full ? (address ? `${address.region.join('')} ${address.detail}` : '') : (r.address_masked ?? ''),
        r.date,
        r.period,
        deliveryStatusLabel(r.status as DeliveryStatus, r.mode),
        r.tracking_no ?? '',
        h?.receiverName ?? '',
        h ? chinaTime(h.at) : '',
        r.failure_reason ?? '',
        r.cancel_reason ?? '',
        chinaTime(r.created_at),
      ];
    }),
  ];
}

function csvCell(value: string): string {
  // A leading = + - @ would run as a formula when the file is opened in Excel.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM and CRLF, which Excel on Windows opens as Chinese text without an import dialog. */
export function toCsv(table: string[][]): Buffer {
  return Buffer.from(`\uFEFF${table.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(table: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('证照递送记录');
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c) => {
    c.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
