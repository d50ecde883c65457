/**
 * Draws the extension icon (a shield with a calm wave) at the sizes the stores ask for.
 * Run after changing the design: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function png(size: number, pixel: (x: number, y: number) => number[]): Buffer {
  const stride = size * 4 + 1;
  const raw = Buffer.alloc(size * stride);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * stride + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Shield: straight sides on the upper half, tapering to a point, in unit coordinates. */
function inShield(u: number, v: number): boolean {
  const halfWidth = v < 0.55 ? 0.4 : 0.4 * (1 - (v - 0.55) / 0.4);
  return v > 0.06 && v < 0.95 && Math.abs(u - 0.5) < halfWidth;
}

function icon(size: number): Buffer {
  const samples = 4;
  return png(size, (x, y) => {
    let cover = 0;
    let wave = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const u = (x + (sx + 0.5) / samples) / size;
        const v = (y + (sy + 0.5) / samples) / size;
        if (!inShield(u, v)) continue;
        cover++;
        const crest = 0.48 + 0.07 * Math.sin((u - 0.1) * Math.PI * 3);
        if (Math.abs(v - crest) < 0.06) wave++;
      }
    }
    if (cover === 0) return [0, 0, 0, 0];
    const w = wave / cover;
    // Deep teal shield, white wave.
    const alpha = Math.round((255 * cover) / (samples * samples));
    return [Math.round(15 + 240 * w), Math.round(110 + 145 * w), Math.round(120 + 135 * w), alpha];
  });
}

mkdirSync('public/icons', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icons/icon-${size}.png`, icon(size));
console.log(`wrote public/icons/icon-{${SIZES.join(',')}}.png`);
