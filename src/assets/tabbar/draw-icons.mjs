// Draws the tab bar icons in this folder (81x81 PNG outline glyphs): `node src/assets/tabbar/draw-icons.mjs`.
// Built-in zlib only, so that the icons can be regenerated without an image library.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const STROKE = 6;
const SAMPLES = 4; // 4x4 supersampling for smooth edges
const COLORS = { normal: [0x8a, 0x8a, 0x8a], active: [0xc8, 0x16, 0x1d] };

const segment = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax;
  const dy = by - ay;
  if (dx === 0 && dy === 0) return Math.hypot(px - ax, py - ay);
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
};
const polyline = (pts, closed) => (x, y) => {
  let d = Infinity;
  const n = closed ? pts.length : pts.length - 1;
  for (let i = 0; i < n; i++) {
    const [a, b] = [pts[i], pts[(i + 1) % pts.length]];
    d = Math.min(d, segment(x, y, a[0], a[1], b[0], b[1]));
  }
  return d;
};
const ring = (cx, cy, r) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r);
const dot = (cx, cy, r) => (x, y) => Math.max(0, Math.hypot(x - cx, y - cy) - r + STROKE / 2);
/** Outline of a rounded rectangle (signed distance of a rounded box, taken as absolute). */
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - (x1 - x0) / 2 + r;
  const qy = Math.abs(y - cy) - (y1 - y0) / 2 + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return Math.abs(outside + Math.min(Math.max(qx, qy), 0) - r);
};
const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
/** Keeps a shape only where `keep(x, y)` holds (used to open the bubble's outline where the tail joins). */
const clip = (shape, keep) => (x, y) => (keep(x, y) ? shape(x, y) : Infinity);

const GLYPHS = {
  home: union(
    polyline(
      [
        [10, 40],
        [40.5, 13],
        [71, 40],
      ],
      false,
    ),
    polyline(
      [
        [19, 34],
        [19, 69],
        [62, 69],
        [62, 34],
      ],
      false,
    ),
    polyline(
      [
        [34, 69],
        [34, 51],
        [47, 51],
        [47, 69],
      ],
      false,
    ),
  ),
  study: union(
    polyline(
      [
        [40.5, 24],
        [27, 17],
        [10, 17],
        [10, 62],
        [27, 62],
        [40.5, 69],
        [54, 62],
        [71, 62],
        [71, 17],
        [54, 17],
        [40.5, 24],
      ],
      true,
    ),
    polyline(
      [
        [40.5, 24],
        [40.5, 66],
      ],
      false,
    ),
  ),
  hotline: union(
    clip(roundRect(10, 13, 71, 57, 12), (x, y) => !(y > 50 && x > 20 && x < 36)),
    polyline(
      [
        [22, 56],
        [20, 70],
        [35, 56],
      ],
      false,
    ),
    dot(27, 35, 4.5),
    dot(40.5, 35, 4.5),
    dot(54, 35, 4.5),
  ),
  mine: union(
    ring(40.5, 27, 12.5),
    clip(roundRect(14, 49, 67, 90, 22), (_x, y) => y <= 70),
    polyline(
      [
        [14, 70],
        [67, 70],
      ],
      false,
    ),
  ),
};

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
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
function png(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES) <= STROKE / 2) hits++;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = dirname(fileURLToPath(import.meta.url));
for (const [name, shape] of Object.entries(GLYPHS)) {
  writeFileSync(join(dir, `${name}.png`), png(shape, COLORS.normal));
  writeFileSync(join(dir, `${name}-active.png`), png(shape, COLORS.active));
}
