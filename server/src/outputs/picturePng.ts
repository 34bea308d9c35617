import { deflateSync } from 'node:zlib';
import type { ReportPicture } from './reportModel.js';

/**
 * A text-less PNG thumbnail of a board picture (frame, cluster outlines, coloured notes): the fallback
 * Word requires beside an SVG picture, for word processors that cannot draw SVG. Pure; no canvas library.
 */
export function picturePng(p: ReportPicture, maxWidth = 900): Buffer {
  const scale = maxWidth / p.width;
  const W = Math.max(1, Math.round(p.width * scale));
  const H = Math.max(1, Math.round(p.height * scale));
  const px = Buffer.alloc(W * H * 3, 255);
  const rgb = (hex: string): [number, number, number] => {
    const n = parseInt(hex.replace('#', '').slice(0, 6), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  };
  const set = (x: number, y: number, c: [number, number, number]) => {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    px.set(c, (y * W + x) * 3);
  };
  const box = (x0: number, y0: number, w: number, h: number, fill: [number, number, number] | null, line: [number, number, number]) => {
    const [a, b] = [Math.round((x0 - p.x) * scale), Math.round((y0 - p.y) * scale)];
    const [c, d] = [Math.min(W - 1, Math.round((x0 - p.x + w) * scale)), Math.min(H - 1, Math.round((y0 - p.y + h) * scale))];
    for (let y = b; y <= d; y++) for (let x = a; x <= c; x++) {
      const edge = x === a || x === c || y === b || y === d;
      if (edge) set(x, y, line);
      else if (fill) set(x, y, fill);
    }
  };
  box(p.x, p.y, p.width, p.height, rgb(p.fill), [107, 107, 107]);
  for (const it of p.items) {
    if (it.kind === 'text') continue;
    box(it.x, it.y, it.width, it.height, it.kind === 'cluster' ? null : it.fill ? rgb(it.fill) : null, it.kind === 'cluster' ? [128, 128, 128] : [154, 154, 154]);
  }
  const rows = Buffer.alloc((W * 3 + 1) * H);
  for (let y = 0; y < H; y++) px.copy(rows, y * (W * 3 + 1) + 1, y * W * 3, (y + 1) * W * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
