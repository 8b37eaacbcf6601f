import { deflateSync } from 'node:zlib';

const WIDTH = 180;
const HEIGHT = 64;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A small grey-scale PNG of a pen stroke, as the handover record's signature: the staff detail
 * shows a picture, not a broken image. `variant` bends the stroke so receivers do not all sign alike.
 */
export function demoSignature(variant: number): string {
  const pixels = Buffer.alloc((WIDTH + 1) * HEIGHT, 0xff);
  for (let y = 0; y < HEIGHT; y++) pixels[y * (WIDTH + 1)] = 0; // filter type: none
  const ink = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px >= 0 && px < WIDTH && py >= 0 && py < HEIGHT) pixels[py * (WIDTH + 1) + 1 + px] = 0x20;
      }
    }
  };
  const loops = 3 + (variant % 3);
  for (let t = 0; t <= 1; t += 0.0015) {
    const x = 14 + t * (WIDTH - 28) + 9 * Math.sin(t * loops * 2 * Math.PI);
    const y = HEIGHT / 2 + (16 - (variant % 4) * 2) * Math.cos(t * loops * 2 * Math.PI + variant) * (1 - t * 0.4);
    ink(x, y);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey-scale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
