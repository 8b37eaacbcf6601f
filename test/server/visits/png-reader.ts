import { crc32, inflateSync } from 'node:zlib';

/**
 * Reads back a PNG the way an image viewer would (signature, chunk CRCs, inflate, row filters), so the tests
 * check the bytes a phone receives, not the encoder's own idea of them. Greyscale and RGB(A), 8-bit only.
 */
export interface Bitmap {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

export function readPng(png: Buffer): Bitmap {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  for (;;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    if (crc !== crc32(png.subarray(offset + 4, offset + 8 + length))) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const channels = CHANNELS[header[9]];
  if (header[8] !== 8 || !channels || header[12] !== 0) throw new Error('unsupported PNG layout');

  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height) throw new Error('wrong image data length');
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? pixels[y * stride + i - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const c = i >= channels && y > 0 ? pixels[(y - 1) * stride + i - channels] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown filter ${filter}`);
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const px = pixels.subarray(p * channels, p * channels + channels);
    const [r, g, b] = channels === 1 ? [px[0], px[0], px[0]] : [px[0], px[1], px[2]];
    rgba.set([r, g, b, channels === 4 ? px[3] : 255], p * 4);
  }
  return { width, height, rgba };
}

/** Decodes the QR code in the picture with a real reader (qrcode-reader, as a phone's scanner would). */
export function scanQr(bitmap: Bitmap): Promise<string> {
  // qrcode-reader ships no types; it comes with miniprogram-ci (pinned in devDependencies).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const QrCode = require('qrcode-reader') as new () => {
    callback: (err: unknown, value?: { result: string }) => void;
    decode: (image: { width: number; height: number; data: Uint8Array }) => void;
  };
  return new Promise((resolve, reject) => {
    const reader = new QrCode();
    reader.callback = (err, value) => (err || !value ? reject(err ?? new Error('no QR code found')) : resolve(value.result));
    reader.decode({ width: bitmap.width, height: bitmap.height, data: bitmap.rgba });
  });
}

/** The dark modules as rows of '#'/'.', sampled at the centre of each module (quiet zone and cell size given). */
export function modulesOf(bitmap: Bitmap, size: number, quiet: number): string[] {
  const cell = bitmap.width / (size + quiet * 2);
  const rows: string[] = [];
  for (let row = 0; row < size; row++) {
    let line = '';
    for (let col = 0; col < size; col++) {
      const x = Math.floor((col + quiet + 0.5) * cell);
      const y = Math.floor((row + quiet + 0.5) * cell);
      line += bitmap.rgba[(y * bitmap.width + x) * 4] < 128 ? '#' : '.';
    }
    rows.push(line);
  }
  return rows;
}
