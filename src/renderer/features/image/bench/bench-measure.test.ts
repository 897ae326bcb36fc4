import { describe, expect, it } from 'vitest';
import { imageBenchDetail, imageBenchLine, measureFrames, type FrameClock } from './bench-measure';

/** A pretend browser: frames every 16 ms, the input step and the paint each take their time. */
function fakeClock(paintMs: number): FrameClock & { advance(ms: number): void } {
  let time = 0;
  return {
    now: () => time,
    advance: (ms) => (time += ms),
    nextFrame: async () => {
      time = (Math.floor(time / 16) + 1) * 16;
    },
    afterPaint: async () => {
      time += paintMs;
    },
  };
}

describe('measureFrames', () => {
  it('times a frame until it is painted, not only until the redraw returns', async () => {
    const clock = fakeClock(9);
    const samples = await measureFrames(clock, 3, () => clock.advance(2));
    expect(samples.map((sample) => sample.ms)).toEqual([11, 11, 11]);
    expect(samples.map((sample) => sample.intervalMs)).toEqual([16, 16, 16]);
  });

  it('sees a frame that ran past the refresh as a long interval', async () => {
    const clock = fakeClock(1);
    const samples = await measureFrames(clock, 2, (index) => clock.advance(index === 0 ? 20 : 1));
    expect(samples[0]).toEqual({ ms: 21, intervalMs: 32 });
    expect(imageBenchDetail(raw({ pan: samples })).pan.dropped_frames).toBe(1);
  });
});

function raw(over: Partial<Parameters<typeof imageBenchLine>[0]> = {}) {
  return {
    boxes: 5000,
    polygons: 1000,
    previewRenders: [300, 280, 350],
    fullRenders: [900, 1200, 850],
    pan: [],
    zoom: [],
    commits: [],
    heapBytes: 0,
    ...over,
  };
}

describe('imageBenchLine', () => {
  it('gives the median opening to the full-resolution render as first_render_ms', () => {
    const line = imageBenchLine(raw());
    expect(line.first_render_ms).toBe(900);
    expect(imageBenchDetail(raw()).first_preview_ms).toBe(300);
    expect(imageBenchDetail(raw()).first_renders_ms).toEqual([900, 1200, 850]);
  });

  it('gives the slow end of the drags as edit_commit_ms, not their median', () => {
    const commits = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 70];
    expect(imageBenchLine(raw({ commits })).edit_commit_ms).toBe(70);
  });

  it('keeps the issue keys in order', () => {
    expect(Object.keys(imageBenchLine(raw()))).toEqual([
      'bench',
      'boxes',
      'polygons',
      'first_render_ms',
      'pan_frame_p95_ms',
      'zoom_frame_p95_ms',
      'edit_commit_ms',
      'heap_mb',
    ]);
  });
});
