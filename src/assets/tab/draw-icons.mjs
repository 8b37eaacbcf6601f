// Draws the tab bar icons (81×81 PNG, normal + active) with no dependencies:
// `node src/assets/tab/draw-icons.mjs`. Shapes are inside-tests sampled 4×4 per pixel for anti-aliasing.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const SAMPLES = 4;
const COLORS = { normal: [0x5c, 0x63, 0x70], active: [0x16, 0x77, 0xff] };

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by);
  const d2 = s(bx, by, cx, cy);
  const d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const union = (...shapes) => (x, y) => shapes.some((shape) => shape(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);

const ICONS = {
  home: minus(union(triangle(40.5, 10, 8, 38, 73, 38), rect(16, 36, 65, 70)), rect(34, 50, 47, 70)),
  policy: minus(rect(16, 8, 65, 73), rect(22, 14, 59, 67)),
  service: union(rect(10, 24, 71, 68), minus(rect(28, 12, 53, 26), rect(33, 16, 48, 26))),
  me: union(circle(40.5, 27, 15), minus(circle(40.5, 78, 32), rect(0, 0, 81, 50))),
};
// The policy sheet gets text lines; the service case a clasp line.
const DETAILS = {
  policy: union(rect(27, 22, 54, 26), rect(27, 34, 54, 38), rect(27, 46, 46, 50)),
  service: rect(10, 40, 71, 43),
};

function render(shape, detail, [r, g, b]) {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let i = 0; i < SAMPLES; i++)
        for (let j = 0; j < SAMPLES; j++) {
          const px = x + (i + 0.5) / SAMPLES;
          const py = y + (j + 0.5) / SAMPLES;
          if (shape(px, py) || (detail && detail(px, py))) hits++;
        }
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  return png(raw);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = dirname(fileURLToPath(import.meta.url));
for (const [name, shape] of Object.entries(ICONS)) {
  writeFileSync(join(here, `${name}.png`), render(shape, DETAILS[name], COLORS.normal));
  writeFileSync(join(here, `${name}-active.png`), render(shape, DETAILS[name], COLORS.active));
}
