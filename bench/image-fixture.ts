import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { makeRenditions } from '../src/server/media/thumbnail';

export type BenchFile = { bytes: Buffer; sha256: string };
export type BenchImage = { image: BenchFile; thumbnail: BenchFile; display: BenchFile };

/**
 * A large photo-like JPEG for the image benchmark (sky, buildings, a road and grain, so the
 * decoder and the tiles do real work) with the thumbnail and display rendition the queue's import
 * makes of it (the same code). Generated once (it takes a few seconds) and kept in the system's
 * temporary folder.
 */
export function benchImage(width: number, height: number): BenchImage {
  const dir = join(tmpdir(), 'hitdesk-bench');
  mkdirSync(dir, { recursive: true });
  const path = (part: string) => join(dir, `street-${width}x${height}${part}.jpg`);
  const parts = ['', '-thumb', '-display'] as const;
  if (!parts.every((part) => existsSync(path(part)))) {
    const data = generate(width, height);
    writeFileSync(path(''), jpeg.encode({ data, width, height }, 82).data);
    const renditions = makeRenditions({ data, width, height }, 1);
    if (!renditions.display) throw new Error(`a ${width}×${height} image gets no display rendition`);
    writeFileSync(path('-thumb'), renditions.thumbnail.bytes);
    writeFileSync(path('-display'), renditions.display.bytes);
  }
  const file = (part: string): BenchFile => {
    const bytes = readFileSync(path(part));
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  };
  return { image: file(''), thumbnail: file('-thumb'), display: file('-display') };
}

function generate(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const horizon = Math.round(height * 0.45);
  // Buildings: coloured blocks standing on the horizon.
  const buildings: Array<[number, number, number, number, number, number]> = [];
  for (let x = 0; x < width;) {
    const w = 120 + Math.floor(random() * 500);
    const h = Math.floor(height * (0.1 + random() * 0.35));
    buildings.push([x, w, h, 90 + random() * 120, 80 + random() * 110, 70 + random() * 100]);
    x += w + Math.floor(random() * 40);
  }
  const skyline = new Int32Array(width).fill(horizon);
  const tint = new Float32Array(width * 3);
  for (const [x, w, h, r, g, b] of buildings)
    for (let i = x; i < Math.min(width, x + w); i += 1) {
      skyline[i] = horizon - h;
      tint.set([r, g, b], i * 3);
    }
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * 4;
      const grain = (random() - 0.5) * 18;
      let r: number;
      let g: number;
      let b: number;
      if (y < skyline[x]!) {
        const t = y / horizon;
        r = 110 + 90 * t;
        g = 160 + 60 * t;
        b = 230 - 20 * t;
      } else if (y < horizon) {
        // Windows: a lighter grid on each building.
        const window = x % 60 < 30 && y % 80 < 40 ? 40 : 0;
        r = tint[x * 3]! + window;
        g = tint[x * 3 + 1]! + window;
        b = tint[x * 3 + 2]! + window;
      } else {
        const lane = Math.abs(x - width / 2) < 30 && y % 300 < 150 ? 120 : 0;
        r = 70 + lane;
        g = 72 + lane;
        b = 75 + lane;
      }
      data[o] = Math.max(0, Math.min(255, r + grain));
      data[o + 1] = Math.max(0, Math.min(255, g + grain));
      data[o + 2] = Math.max(0, Math.min(255, b + grain));
      data[o + 3] = 255;
    }
  }
  return data;
}
