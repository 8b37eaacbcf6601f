import { SIGNATURE_MAX_BYTES } from '../../../../types/delivery';
import { HttpError } from '../../../lib/http-error';

const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;
const MAGIC: Record<string, number[]> = { png: [0x89, 0x50, 0x4e, 0x47], jpeg: [0xff, 0xd8, 0xff] };

/** Accepts a PNG or JPEG data URL of at most 300 KB whose bytes really are that image type. */
export function requireSignature(value: string): string {
  const m = DATA_URL.exec(value.trim());
  if (!m) throw new HttpError(400, 'VALIDATION', '签名：应为 PNG 或 JPEG 图片（data:image/png;base64,…）', 'signature');
  const bytes = Buffer.from(m[2], 'base64');
  if (bytes.length > SIGNATURE_MAX_BYTES) throw new HttpError(400, 'VALIDATION', '签名：图片不能超过300KB，请压缩后重试', 'signature');
  if (!MAGIC[m[1]].every((b, i) => bytes[i] === b)) throw new HttpError(400, 'VALIDATION', '签名：图片内容与声明的格式不符', 'signature');
  return `data:image/${m[1]};base64,${m[2]}`;
}
