import type { Rect, Size } from '../editor/image/geometry';
import { pickLevel, planPyramid, type LevelPlan } from './pyramid-plan';

export type PyramidTile = { rect: Rect; bitmap: ImageBitmap };
export type PyramidLevel = { factor: number; width: number; height: number; tiles: PyramidTile[] };
/** A decoded image, ready to draw at any zoom: its levels, coarsest last. */
export type ImagePyramid = {
  width: number;
  height: number;
  levels: PyramidLevel[];
  /** False while only a preview or an overview is decoded. */
  complete: boolean;
};

export type PyramidLoad = {
  /** Resolves once the image is shown at full resolution (or rejects when it cannot be). */
  done: Promise<void>;
  /** Frees every bitmap; the renderer must have let go of the pyramid first. */
  close(): void;
};

/**
 * Fetches and decodes an image off the main thread (`createImageBitmap`), handing out better and
 * better pyramids as they are ready: the small preview the queue made at import (drawn stretched
 * while the rest decodes), its screen-sized display rendition (sharp at a fitted view, decoded in
 * a moment where the full image of a large photo takes half a second or more) or else an overview,
 * then full-resolution tiles no larger than 2048² and the levels between, all cut from the one
 * decoded copy (no second decode), which is then freed.
 */
export function loadImagePyramid(
  src: string,
  expected: Size,
  options: {
    preview?: string | null;
    display?: string | null;
    signal?: AbortSignal;
    onUpdate: (pyramid: ImagePyramid) => void;
  },
): PyramidLoad {
  const { signal, onUpdate } = options;
  const bitmaps: ImageBitmap[] = [];
  let closed = false;
  const keep = (bitmap: ImageBitmap) => {
    if (closed) bitmap.close();
    else bitmaps.push(bitmap);
    return bitmap;
  };
  let best = 0;
  const offer = (rank: number, pyramid: ImagePyramid) => {
    if (closed || signal?.aborted || rank <= best) return;
    best = rank;
    onUpdate(pyramid);
  };

  // A rendition that fails (missing, damaged) only means waiting for the full image.
  const rendition = (url: string | null | undefined, rank: number) =>
    url
      ? decode(url, signal)
          .then((bitmap) => {
            keep(bitmap);
            const factor = expected.width / bitmap.width;
            offer(rank, { ...expected, levels: [single(bitmap, factor)], complete: false });
          })
          .catch(() => undefined)
      : Promise.resolve();
  const preview = rendition(options.preview, 1);
  const display = rendition(options.display, 2);

  // The full image is fetched and decoded once the display rendition is (or has failed): a
  // large photo's decode takes a core for half a second, which on a two-core laptop would hold
  // back the rendition (and the tool's first render) that the first view needs.
  const done = display
    .then(() => decode(src, signal))
    .then(async (full) => {
      const plan = planPyramid(full);
      const size = { width: full.width, height: full.height };
      if (plan.length === 1 && plan[0]!.tiles.length === 1) {
        keep(full);
        offer(3, { ...size, levels: [single(full, 1)], complete: true });
        return;
      }
      try {
        const resized = (entry: LevelPlan) =>
          createImageBitmap(full, {
            resizeWidth: entry.width,
            resizeHeight: entry.height,
            resizeQuality: 'medium',
          });
        // The overview first: one quick resize, and the whole image shows sharp enough to work.
        const coarsest = plan[plan.length - 1]!;
        const overview = { ...coarsest, tiles: await cut(keep(await resized(coarsest)), coarsest, keep) };
        offer(2, { ...size, levels: [overview], complete: false });
        // Copying from a decoded bitmap blocks the main thread (about a tenth of a second per tile or
        // level here): the overview goes to the painter first (React commits it in the next frames),
        // then one copy per task, so frames keep coming.
        await nextFrame();
        await nextFrame();
        const fullLevel = { ...plan[0]!, tiles: await cut(full, plan[0]!, keep) };
        const middle: PyramidLevel[] = [];
        for (const entry of plan.slice(1, -1)) {
          const source = keep(await resized(entry));
          await nextTask();
          middle.push({ ...entry, tiles: await cut(source, entry, keep) });
        }
        await Promise.all([preview, display]);
        offer(3, { ...size, levels: [fullLevel, ...middle, overview], complete: true });
      } finally {
        full.close();
      }
    });

  return {
    done,
    close() {
      closed = true;
      for (const bitmap of bitmaps) bitmap.close();
      bitmaps.length = 0;
    },
  };
}

function single(bitmap: ImageBitmap, factor: number): PyramidLevel {
  const rect = { x: 0, y: 0, width: bitmap.width, height: bitmap.height };
  return { factor, width: bitmap.width, height: bitmap.height, tiles: [{ rect, bitmap }] };
}

/** The level's tiles: the source itself when it is one tile, else copies of its parts. */
async function cut(source: ImageBitmap, plan: LevelPlan, keep: (bitmap: ImageBitmap) => ImageBitmap) {
  if (plan.tiles.length === 1) return [{ rect: plan.tiles[0]!, bitmap: source }];
  const tiles: PyramidTile[] = [];
  for (const rect of plan.tiles) {
    tiles.push({
      rect,
      bitmap: keep(await createImageBitmap(source, rect.x, rect.y, rect.width, rect.height)),
    });
    await nextTask();
  }
  return tiles;
}

/** After the next frame (or a tenth of a second, where frames are not drawn: a hidden window). */
function nextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return nextTask();
  return new Promise((done) => {
    const timer = setTimeout(done, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(done, 0);
    });
  });
}

/** Lets the main thread handle what is waiting (input, messages, a frame) before going on. */
function nextTask(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}

async function decode(src: string, signal?: AbortSignal): Promise<ImageBitmap> {
  let blob: Blob | null = null;
  try {
    const response = await fetch(src, signal ? { signal } : {});
    if (!response.ok) throw new Error(`the image could not be read (HTTP ${response.status})`);
    blob = await response.blob();
  } catch (error) {
    if (signal?.aborted) throw error;
    // Where fetch cannot reach the URL (a custom protocol without fetch support), an <img> can.
    return createImageBitmap(await loadElement(src));
  }
  return createImageBitmap(blob);
}

function loadElement(src: string): Promise<HTMLImageElement> {
  const element = new Image();
  element.decoding = 'async';
  element.src = src;
  return element.decode().then(() => element);
}

/** Past this many device pixels per image pixel, pixels are shown as crisp squares. */
const CRISP_FROM = 3;

/**
 * Draws the part `area` (in the shapes' image coordinates, i.e. of `imageSize`) of the image into
 * `ctx` at `scale`, from the coarsest level that is still sharp, reading only the visible part of
 * each tile. Bilinear filtering only: the levels are never more than 2× apart, and Chromium's
 * "medium" quality rebuilds mipmaps on every draw (tens of milliseconds on a modest laptop).
 * Returns true when what it drew is as sharp as this view can show: at least one image pixel per
 * device pixel, or the full resolution itself (a preview stretched up, or an overview while zoomed
 * in past it, gives false).
 */
export function drawPyramid(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  pyramid: ImagePyramid,
  imageSize: Size,
  area: Rect,
  viewport: { scale: number; x: number; y: number },
  devicePixelRatio: number,
): boolean {
  // The decoded image may differ in size from what the task says (the shapes' coordinates).
  const sx = pyramid.width / imageSize.width;
  const sy = pyramid.height / imageSize.height;
  const devicePerImagePixel = (viewport.scale * devicePixelRatio) / sx;
  const index = pickLevel(
    pyramid.levels.map((level) => level.factor),
    devicePerImagePixel,
  );
  const level = pyramid.levels[index]!;
  const sharp = (pyramid.complete && level.factor <= 1) || level.factor * devicePerImagePixel <= 1;
  // Level pixels per image (shape) pixel.
  const kx = sx / level.factor;
  const ky = sy / level.factor;
  const devicePerLevelPixel = (viewport.scale * devicePixelRatio) / kx;
  ctx.imageSmoothingEnabled = devicePerLevelPixel < CRISP_FROM;
  ctx.imageSmoothingQuality = 'low';
  for (const tile of level.tiles) {
    // The visible part of the tile, in level pixels (whole pixels, so no seams between tiles).
    const left = Math.max(tile.rect.x, Math.floor(area.x * kx));
    const top = Math.max(tile.rect.y, Math.floor(area.y * ky));
    const right = Math.min(tile.rect.x + tile.rect.width, Math.ceil((area.x + area.width) * kx));
    const bottom = Math.min(tile.rect.y + tile.rect.height, Math.ceil((area.y + area.height) * ky));
    if (right <= left || bottom <= top) continue;
    const dx = (left / kx) * viewport.scale + viewport.x;
    const dy = (top / ky) * viewport.scale + viewport.y;
    const dw = ((right - left) / kx) * viewport.scale;
    const dh = ((bottom - top) / ky) * viewport.scale;
    ctx.drawImage(
      tile.bitmap,
      left - tile.rect.x,
      top - tile.rect.y,
      right - left,
      bottom - top,
      dx,
      dy,
      dw,
      dh,
    );
  }
  return sharp;
}
