import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadImagePyramid, type ImagePyramid } from './image-pyramid';

/**
 * The loading order, with the browser's decoder stood in for (fetch and createImageBitmap are the
 * boundary): each file decodes after the delay given, into a bitmap of its size.
 */
type FakeBitmap = { width: number; height: number; close: () => void; source: string };
const sizes: Record<string, { width: number; height: number; ms: number }> = {};
let closed = 0;
/** What the stand-ins saw, in order: `fetch <url>` and `decoded <url>`. */
let events: string[] = [];

function bitmap(width: number, height: number, source: string): FakeBitmap {
  return { width, height, source, close: () => (closed += 1) };
}

beforeEach(() => {
  closed = 0;
  events = [];
  vi.stubGlobal('fetch', async (url: string) => {
    events.push(`fetch ${url}`);
    if (!sizes[url]) return { ok: false, status: 404 };
    return { ok: true, blob: async () => ({ url }) };
  });
  vi.stubGlobal(
    'createImageBitmap',
    async (source: { url?: string } & Partial<FakeBitmap>, ...rest: unknown[]) => {
      if (source.url) {
        const size = sizes[source.url]!;
        await new Promise((done) => setTimeout(done, size.ms));
        events.push(`decoded ${source.url}`);
        return bitmap(size.width, size.height, source.url);
      }
      const [first] = rest;
      if (typeof first === 'object' && first !== null) {
        const options = first as { resizeWidth: number; resizeHeight: number };
        return bitmap(options.resizeWidth, options.resizeHeight, `${source.source} resized`);
      }
      const [, , width, height] = rest as number[];
      return bitmap(width!, height!, `${source.source} tile`);
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  for (const key of Object.keys(sizes)) delete sizes[key];
});

function load(options: { preview?: string; display?: string }) {
  const updates: ImagePyramid[] = [];
  const loading = loadImagePyramid(
    '/full',
    { width: 6000, height: 4000 },
    {
      ...options,
      onUpdate: (pyramid) => updates.push(pyramid),
    },
  );
  return { updates, loading };
}

const shown = (pyramid: ImagePyramid) =>
  pyramid.levels.map(
    (level) => `${(level.tiles[0]!.bitmap as unknown as FakeBitmap).source}×${level.tiles.length}`,
  );

describe('loading an image pyramid', () => {
  it('shows the preview, then the display rendition, then the full image: never the overview after the display', async () => {
    sizes['/preview'] = { width: 256, height: 171, ms: 1 };
    sizes['/display'] = { width: 2048, height: 1365, ms: 5 };
    sizes['/full'] = { width: 6000, height: 4000, ms: 30 };
    const { updates, loading } = load({ preview: '/preview', display: '/display' });
    await loading.done;
    expect(updates.map((pyramid) => [shown(pyramid), pyramid.complete])).toEqual([
      [['/preview×1'], false],
      [['/display×1'], false],
      [['/full tile×6', '/full resized×1', '/full resized×1'], true],
    ]);
    // The display rendition is drawn at its own scale: 6000 image pixels over its 2048.
    expect(updates[1]!.levels[0]!.factor).toBeCloseTo(6000 / 2048);
    loading.close();
    expect(closed).toBeGreaterThan(0);
  });

  it('falls back to the overview when the display rendition cannot be read', async () => {
    sizes['/full'] = { width: 6000, height: 4000, ms: 5 };
    const { updates, loading } = load({ display: '/missing' });
    await loading.done;
    expect(updates.map((pyramid) => [shown(pyramid), pyramid.complete])).toEqual([
      [['/full resized×1'], false],
      [['/full tile×6', '/full resized×1', '/full resized×1'], true],
    ]);
    loading.close();
  });

  it('fetches the full image only once the display rendition is decoded (they would share the cores)', async () => {
    sizes['/preview'] = { width: 256, height: 171, ms: 1 };
    sizes['/display'] = { width: 2048, height: 1365, ms: 20 };
    sizes['/full'] = { width: 6000, height: 4000, ms: 5 };
    const { loading } = load({ preview: '/preview', display: '/display' });
    await loading.done;
    expect(events.indexOf('fetch /full')).toBeGreaterThan(events.indexOf('decoded /display'));
    expect(events.indexOf('fetch /preview')).toBeLessThan(events.indexOf('decoded /display'));
    loading.close();
  });
});
