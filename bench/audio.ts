/**
 * The transcription tool on a 60-minute recording, in Chromium: a 16 kHz mono WAV generated with
 * sox from the committed espeak-ng dialogue (never committed itself), its peaks computed by the
 * same shared code the queue runs at import, served with HTTP Range by the workstation's own
 * media reply. The harness page mounts the real transcription workspace with 200 segments in its
 * draft. Prints one JSON line last:
 * {"bench":"audio","minutes":60,"waveform_ready_ms":…,"heap_increase_mb":…,"regions":200,
 *  "region_drag_frame_p95_ms":…,"seek_ms":…}
 *
 * - waveform_ready_ms: from mounting the workspace to the waveform drawn and the player ready
 *   (peaks fetched and parsed, 200 regions and rows rendered; the audio itself is never decoded).
 * - heap_increase_mb: JS heap after a garbage collection, with the workspace up and used, minus
 *   before it was mounted.
 * - region_drag_frame_p95_ms: main-thread time of one frame of a region drag (its end, then its
 *   body), input to painted frame; see src/renderer/features/audio/bench/bench-driver.ts.
 * - seek_ms: the slowest of 12 seeks to points across the hour, until the audio can play there.
 * Targets: waveform ready under 1,500 ms, heap increase under 100 MB, drag frame p95 under 16.7 ms,
 * every seek under 200 ms; the line names those missed, and the exit status is then 1.
 * Options: --screenshots <dir> saves the workspace in English and French.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { mediaReply } from '../src/main/services/media/media-reply';
import { rendererMainThreadCpuMs } from './audio-cpu';
import { buildHarness, serveHarness } from './bench-kit';
import { percentile, round1, withTargets } from './stats';
import { PeaksBuilder } from '../src/shared/media/peaks';
import { parseWavHeader } from '../src/shared/media/wav';

const MINUTES = 60;
const REGIONS = 200;
const SEEKS = 12;
const root = resolve(import.meta.dirname, '..');
const work = join(tmpdir(), 'hitdesk-bench', 'audio');

function argument(name: string): string | null {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}

/** An hour of real speech: the espeak-ng dialogue fixture, repeated (sox), 16 kHz mono 16-bit. */
function generateWav(): string {
  const path = join(work, `speech-${MINUTES}min.wav`);
  if (existsSync(path)) return path;
  const source = join(root, 'test/fixtures/audio/dialogue-en-fr.wav');
  const repeats = Math.ceil((MINUTES * 60) / 10.2);
  // Written aside, then renamed: an interrupted run never leaves a short file to be reused.
  const partial = `${path}.partial.wav`;
  const args = [source, '-r', '16000', '-c', '1', '-b', '16', partial, 'repeat', String(repeats)];
  execFileSync('sox', [...args, 'trim', '0', String(MINUTES * 60)]);
  renameSync(partial, path);
  return path;
}

/** sha256 and peaks of the file, read in chunks as the queue does at import. */
async function analyse(path: string) {
  const head = Buffer.alloc(64 * 1024);
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const info = parseWavHeader(head, size);
  const builder = new PeaksBuilder(info);
  const hash = createHash('sha256');
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    const from = Math.max(0, info.dataOffset - offset);
    const to = Math.min(bytes.length, info.dataOffset + info.dataBytes - offset);
    if (to > from) builder.push(bytes.subarray(from, to));
    offset += bytes.length;
  }
  const peaks = Buffer.from(JSON.stringify(builder.finish()));
  const peaksPath = join(work, 'peaks.json');
  writeFileSync(peaksPath, peaks);
  return {
    audio: { path, sha256: hash.digest('hex'), bytes: size, durationMs: info.durationMs },
    peaks: { path: peaksPath, sha256: createHash('sha256').update(peaks).digest('hex'), bytes: peaks.length },
  };
}

type Files = Awaited<ReturnType<typeof analyse>>;

/** The harness, `/media/<sha256>` with Range (the workstation's own reply), and a bridge that saves nothing. */
function serve(dir: string, files: Files): Promise<{ server: Server; url: string }> {
  const media = new Map([
    [files.audio.sha256, { path: files.audio.path, mime: 'audio/wav' }],
    [files.peaks.sha256, { path: files.peaks.path, mime: 'application/json' }],
  ]);
  return serveHarness(dir, (path, request, response) => {
    if (path.startsWith('/bridge/call/')) {
      const name = path.slice('/bridge/call/'.length);
      request.resume();
      const value = name === 'tasks.saveDraft' ? { savedAt: new Date().toISOString() } : null;
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, value }));
      return true;
    }
    if (path === '/bridge/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      return true;
    }
    const file = media.get(path.slice('/media/'.length));
    if (!path.startsWith('/media/') || !file) return false;
    void mediaReply(file.path, path.slice(7), file.mime, {
      method: request.method ?? 'GET',
      range: request.headers.range,
    }).then((reply) => {
      response.writeHead(reply.status, reply.headers);
      if (!reply.body) return void response.end();
      reply.body.on('error', () => response.destroy());
      response.on('close', () => reply.body?.destroy());
      reply.body.pipe(response);
    });
    return true;
  });
}

const cpuDelta = (before: number | null, after: number | null) =>
  before === null || after === null ? null : after - before;

function pageUrl(base: string, files: Files, locale: 'en' | 'fr') {
  const query = new URLSearchParams({
    audio: files.audio.sha256,
    audioBytes: String(files.audio.bytes),
    peaks: files.peaks.sha256,
    peaksBytes: String(files.peaks.bytes),
    durationMs: String(files.audio.durationMs),
    segments: String(REGIONS),
    locale,
  });
  return `${base}/index.html?${query}`;
}

type Driver = {
  mount(): Promise<{ readyMs: number }>;
  drag(segmentId: string, part: 'end' | 'body', frames: number): Promise<number[]>;
  seek(targets: number[]): Promise<number[]>;
};
const driver = (page: Page) => ({
  mount: () => page.evaluate(() => (globalThis as unknown as { __bench: Driver }).__bench.mount()),
  drag: (id: string, part: 'end' | 'body', frames: number) =>
    page.evaluate(([i, p, f]) => (globalThis as unknown as { __bench: Driver }).__bench.drag(i, p, f), [
      id,
      part,
      frames,
    ] as const),
  seek: (targets: number[]) =>
    page.evaluate((t) => (globalThis as unknown as { __bench: Driver }).__bench.seek(t), targets),
});

/** Zooms in (the + key) until a segment is wide enough to drag by its handle. */
async function zoomForDragging(page: Page) {
  for (let step = 0; step < 12; step += 1) {
    const level = (await page.locator('.player-zoom-level').textContent()) ?? '';
    const px = Number(/(\d+)/.exec(level)?.[1] ?? 0);
    if (px >= 16) return px;
    await page.keyboard.press('+');
    await page.waitForTimeout(150);
  }
  throw new Error('could not zoom in');
}

async function main() {
  mkdirSync(work, { recursive: true });
  const wav = generateWav();
  const files = await analyse(wav);
  const harness = await buildHarness('audio-harness', join(work, 'harness'));
  const { server, url } = await serve(harness, files);
  const marker = randomUUID();
  const load = loadavg()[0] ?? 0;
  const systemChromium =
    process.env.HITDESK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(systemChromium ? { executablePath: systemChromium } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      // Lets audio-cpu.ts find this browser's renderer among other work on the machine.
      `--hitdesk-bench=${marker}`,
    ],
  });
  const cpu = () => rendererMainThreadCpuMs(marker);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (error) => console.error('[page]', error.message));
    await page.goto(pageUrl(url, files, 'en'));
    await page.waitForFunction(
      () => 'mount' in ((globalThis as unknown as { __bench?: object }).__bench ?? {}),
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const metrics = (await cdp.send('Performance.getMetrics')).metrics;
      return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    };
    const heapBefore = await heap();
    const bench = driver(page);
    const cpuBeforeMount = cpu();
    const { readyMs } = await bench.mount();
    const cpuMount = cpuDelta(cpuBeforeMount, cpu());
    await page.waitForTimeout(1500);
    const heapReady = await heap();

    // Drag the end, then the body, of a region in the middle of the hour.
    const pxPerSec = await zoomForDragging(page);
    await page.getByLabel('Transcript of segment 99').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    const cpuBeforeDrag = cpu();
    const dragEnd = await bench.drag('bench-100', 'end', 60);
    const dragBody = await bench.drag('bench-100', 'body', 60);
    const cpuDrag = cpuDelta(cpuBeforeDrag, cpu());
    const shotsDir = argument('--screenshots');
    if (shotsDir) {
      mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({ path: join(shotsDir, 'audio-transcription-60min-en.png') });
    }
    const drag = [...dragEnd, ...dragBody];

    // Seeks across the hour, in an order that jumps far each time.
    const total = files.audio.durationMs / 1000;
    const seekPoints = Array.from({ length: SEEKS }, (_, i) =>
      round1((((i * 7) % SEEKS) / SEEKS) * total + 13.7),
    );
    const cpuBeforeSeek = cpu();
    const seeks = await bench.seek(seekPoints);
    const cpuSeek = cpuDelta(cpuBeforeSeek, cpu());
    await page.waitForTimeout(500);
    const heapAfter = await heap();
    const heapIncrease = Math.max(heapReady, heapAfter) - heapBefore;

    const shots = argument('--screenshots');
    if (shots) {
      mkdirSync(shots, { recursive: true });
      const french = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await french.goto(pageUrl(url, files, 'fr'));
      await french.waitForFunction(
        () => 'mount' in ((globalThis as unknown as { __bench?: object }).__bench ?? {}),
      );
      await driver(french).mount();
      await french.waitForTimeout(800);
      await french.screenshot({ path: join(shots, 'audio-transcription-60min-fr.png') });
      await french.close();
    }

    console.log(
      JSON.stringify({
        detail: 'audio',
        load_average_1min: round1(load),
        // CPU the renderer's main thread really used (wall-clock figures include waiting for a core).
        mount_main_thread_cpu_ms: cpuMount,
        drag_main_thread_cpu_ms_per_frame: cpuDrag === null ? null : round1(cpuDrag / drag.length),
        seek_main_thread_cpu_ms_per_seek: cpuSeek === null ? null : round1(cpuSeek / seeks.length),
        wav_mb: Math.round(files.audio.bytes / 1024 / 1024),
        peaks_kb: Math.round(files.peaks.bytes / 1024),
        drag_zoom_px_per_sec: pxPerSec,
        drag_frames: drag.length,
        drag_frame_p50_ms: round1(percentile(drag, 50)),
        drag_frame_max_ms: round1(Math.max(...drag)),
        seek_p50_ms: Math.round(percentile(seeks, 50)),
        seeks_ms: seeks.map(Math.round),
        heap_before_mb: round1(heapBefore / 1024 / 1024),
        heap_ready_mb: round1(heapReady / 1024 / 1024),
        heap_after_use_mb: round1(heapAfter / 1024 / 1024),
      }),
    );
    const line = {
      bench: 'audio',
      minutes: MINUTES,
      waveform_ready_ms: Math.round(readyMs),
      heap_increase_mb: round1(heapIncrease / 1024 / 1024),
      regions: REGIONS,
      region_drag_frame_p95_ms: round1(percentile(drag, 95)),
      seek_ms: Math.round(Math.max(...seeks)),
    };
    const targets = {
      waveform_ready_ms: line.waveform_ready_ms < 1500,
      heap_increase_mb: line.heap_increase_mb < 100,
      region_drag_frame_p95_ms: line.region_drag_frame_p95_ms < 16.7,
      seek_ms: line.seek_ms < 200,
    };
    console.log(JSON.stringify(withTargets(line, targets)));
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
