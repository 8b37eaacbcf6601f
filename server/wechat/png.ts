import { crc32, deflateSync } from 'node:zlib';
import qrcode from 'qrcode-generator';

/**
 * A QR code as a PNG, written with node:zlib alone: the stand-in answers getwxacodeunlimit with a real
 * image that a phone (and our own 扫一扫) can read, without an image library on the server.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Modules of white around the code, as the QR standard asks. */
export const QUIET_ZONE = 4;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  // The CRC covers the type and the data, not the length.
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit greyscale PNG of the pixels (0 = black, 255 = white), row by row. */
export function encodeGreyPng(width: number, height: number, pixel: (x: number, y: number) => number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  // compression, filter and interlace methods stay 0 (deflate, adaptive, none).
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw[row + 1 + x] = pixel(x, y);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The same encoder and settings as the app's canvas QR (src/features/visits/qr-matrix.ts): byte mode, level M. */
export function qrModules(text: string): { size: number; isDark: (row: number, col: number) => boolean } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return { size: qr.getModuleCount(), isDark: (row, col) => qr.isDark(row, col) };
}

/** A PNG of the QR code of `text`, about `width` pixels wide (whole pixels per module, so it stays sharp). */
export function qrPng(text: string, width: number): Buffer {
  const { size, isDark } = qrModules(text);
  const modules = size + QUIET_ZONE * 2;
  const cell = Math.max(1, Math.floor(width / modules));
  const side = modules * cell;
  return encodeGreyPng(side, side, (x, y) => {
    const col = Math.floor(x / cell) - QUIET_ZONE;
    const row = Math.floor(y / cell) - QUIET_ZONE;
    const inside = row >= 0 && col >= 0 && row < size && col < size;
    return inside && isDark(row, col) ? 0 : 255;
  });
}
