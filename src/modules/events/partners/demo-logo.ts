import { deflateSync } from 'node:zlib';

/**
 * Simple made-up logos for the demo, drawn in code as PNG (no real organisation's logo is ever shipped): a
 * coloured mark — a disc, a diamond, bars or a ring — on white, 240 × 120 pixels.
 */
export type LogoShape = 'disc' | 'diamond' | 'bars' | 'ring';

const WIDTH = 240;
const HEIGHT = 120;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function inside(shape: LogoShape, x: number, y: number): boolean {
  const cx = 60;
  const cy = HEIGHT / 2;
  const dx = x - cx;
  const dy = y - cy;
  switch (shape) {
    case 'disc':
      return dx * dx + dy * dy <= 40 * 40;
    case 'ring': {
      const d = dx * dx + dy * dy;
      return d <= 42 * 42 && d >= 26 * 26;
    }
    case 'diamond':
      return Math.abs(dx) + Math.abs(dy) <= 44;
    case 'bars':
      return Math.abs(dy) <= 40 && Math.abs(dx) <= 40 && Math.floor((dx + 40) / 16) % 2 === 0;
  }
}

/** A PNG logo: the shape in `rgb` on the left, and three lines of the same colour, lighter, like a word mark. */
export function demoLogoPng(rgb: [number, number, number], shape: LogoShape): Buffer {
  const light = rgb.map((v) => Math.round(v + (255 - v) * 0.45)) as [number, number, number];
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + WIDTH * 3, 255);
    row[0] = 0; // no filter
    for (let x = 0; x < WIDTH; x++) {
      let colour: [number, number, number] | null = null;
      if (inside(shape, x, y)) colour = rgb;
      else if (
        x >= 120 &&
        x < 220 &&
        [
          [40, 52, 220],
          [60, 72, 200],
          [80, 92, 180],
        ].some(([a, b, end]) => y >= a! && y < b! && x < end!)
      )
        colour = light;
      if (colour) row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, not interlaced
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
