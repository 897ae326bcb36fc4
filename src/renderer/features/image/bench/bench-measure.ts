/**
 * How the image benchmark turns what it saw into figures, kept apart from the browser so the
 * rules are tested: a frame lasts until it is painted, the first render is the image as sharp as
 * the view needs with every shape, and a commit figure is the slow end of the drags, not their median.
 */

/** What the page gives the frame loop: a frame start, and the moment that frame was painted. */
export type FrameClock = {
  now(): number;
  /** Resolves at the start of the next animation frame (inside its requestAnimationFrame). */
  nextFrame(): Promise<void>;
  /** Called inside a frame: resolves once that frame has been painted. */
  afterPaint(): Promise<void>;
};

export type FrameSample = {
  /** From the frame's start (input handled, redraw done) to that frame painted. */
  ms: number;
  /** From that frame's start to the next frame's start: over one refresh means a dropped frame. */
  intervalMs: number;
};

/**
 * Runs `step` (dispatch one input, redraw) at the start of `count` successive frames and times
 * each frame until it is painted. Rasters a worker sends back between frames are placed by the
 * next frame's redraw, so their cost lands in that frame, and their message handling in the
 * interval.
 */
export async function measureFrames(
  clock: FrameClock,
  count: number,
  step: (index: number) => void,
): Promise<FrameSample[]> {
  const samples: FrameSample[] = [];
  await clock.nextFrame();
  for (let index = 0; index < count; index += 1) {
    const started = clock.now();
    step(index);
    await clock.afterPaint();
    const painted = clock.now();
    await clock.nextFrame();
    samples.push({ ms: painted - started, intervalMs: clock.now() - started });
  }
  return samples;
}

/** The browser's clock: the timing an animation frame and the task after its paint. */
export function browserFrameClock(): FrameClock {
  return {
    now: () => performance.now(),
    nextFrame: () => new Promise<void>((done) => requestAnimationFrame(() => done())),
    afterPaint,
  };
}

/**
 * Call from inside an animation frame: resolves once that frame's rendering is done, since a
 * task posted during the frame runs after the browser's rendering update.
 */
export function afterPaint(): Promise<void> {
  return new Promise<void>((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      done();
    };
    channel.port2.postMessage(null);
  });
}

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const round1 = (value: number) => Math.round(value * 10) / 10;

/** One refresh at 60 Hz, with a little slack for timer jitter: longer intervals dropped a frame. */
const DROPPED_FRAME_MS = 16.7 * 1.5;

export type ImageBenchRaw = {
  boxes: number;
  polygons: number;
  /** Opening to the first painted frame with any image (the preview) and every shape; one per opening. */
  previewRenders: number[];
  /**
   * Opening to the first painted frame with the image as sharp as the view needs and every shape;
   * one per opening (the task is opened several times: a shared machine's speed drifts).
   */
  fullRenders: number[];
  pan: FrameSample[];
  zoom: FrameSample[];
  /** Release to the committed change painted, one per drag. */
  commits: number[];
  heapBytes: number;
};

/** The JSON line: every figure names the strict reading of its target. */
export function imageBenchLine(raw: ImageBenchRaw) {
  const ms = (samples: FrameSample[]) => samples.map((sample) => sample.ms);
  return {
    bench: 'image',
    boxes: raw.boxes,
    polygons: raw.polygons,
    first_render_ms: Math.round(percentile(raw.fullRenders, 50)),
    pan_frame_p95_ms: round1(percentile(ms(raw.pan), 95)),
    zoom_frame_p95_ms: round1(percentile(ms(raw.zoom), 95)),
    edit_commit_ms: round1(percentile(raw.commits, 95)),
    heap_mb: Math.round(raw.heapBytes / 1024 / 1024),
  };
}

/** The figures behind the line, printed before it. */
export function imageBenchDetail(raw: ImageBenchRaw) {
  const frames = (samples: FrameSample[]) => {
    const ms = samples.map((sample) => sample.ms);
    const intervals = samples.map((sample) => sample.intervalMs);
    return {
      frames: samples.length,
      p50_ms: round1(percentile(ms, 50)),
      max_ms: round1(Math.max(0, ...ms)),
      interval_p95_ms: round1(percentile(intervals, 95)),
      dropped_frames: intervals.filter((interval) => interval > DROPPED_FRAME_MS).length,
    };
  };
  return {
    detail: 'image',
    first_renders_ms: raw.fullRenders.map(Math.round),
    first_preview_ms: Math.round(percentile(raw.previewRenders, 50)),
    pan: frames(raw.pan),
    zoom: frames(raw.zoom),
    edit_commits_ms: raw.commits.map(round1),
    edit_commit_p50_ms: round1(percentile(raw.commits, 50)),
    edit_commit_max_ms: round1(Math.max(0, ...raw.commits)),
  };
}
