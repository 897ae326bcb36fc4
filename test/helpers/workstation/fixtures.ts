/** Builders shared by this folder's unit tests (not used by the app itself). */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeasedTask } from '../../../src/shared/domain/task';

export const REASONS = [
  { code: 'insult', label: { en: 'Insult', fr: 'Insulte' } },
  { code: 'spam', label: { en: 'Spam', fr: 'Spam' } },
];

type ModerationTask = Extract<LeasedTask, { kind: 'text_moderation' }>;

export function leasedTask(overrides: Partial<Omit<ModerationTask, 'kind' | 'config'>> = {}): ModerationTask {
  return {
    kind: 'text_moderation',
    taskId: randomUUID(),
    itemId: randomUUID(),
    externalId: 'rev-001',
    projectId: '5a8f1c1e-3a57-4a6f-9c39-0d5f4c1f1a01',
    projectName: 'Customer reviews',
    instructions: 'Reject insults and spam.',
    priceCents: 5,
    leaseEpoch: 1,
    leaseExpiresAt: '2026-03-04T12:00:00.000Z',
    config: { reasons: REASONS, spanLabels: [], allowEscalate: true, examples: [] },
    data: { text: 'Great shoes, fast delivery.', rating: 5 },
    ...overrides,
  };
}

/** A clock that moves one second per reading, so every write gets a distinct, ordered stamp. */
export function steppingClock(start = '2026-03-01T08:00:00.000Z'): () => Date {
  let at = Date.parse(start);
  return () => {
    at += 1000;
    return new Date(at);
  };
}

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

type ImageTask = Extract<LeasedTask, { kind: 'image' }>;
type RecordingTask = Extract<LeasedTask, { kind: 'audio_recording' }>;

/** A file as the queue would store it: its bytes and the reference a task carries. */
export function mediaFile(bytes: Buffer, mime = 'image/png') {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, sha256, ref: { sha256, mime, bytes: bytes.byteLength, width: 64, height: 48 } };
}

/** Deterministic pseudo-random bytes (incompressible, like a photo). */
export function noise(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

export function imageTask(
  image: { sha256: string; mime: string; bytes: number; width: number; height: number },
  overrides: Partial<Omit<ImageTask, 'kind' | 'config' | 'data'>> = {},
): ImageTask {
  return {
    kind: 'image',
    taskId: randomUUID(),
    itemId: randomUUID(),
    externalId: null,
    projectId: '5a8f1c1e-3a57-4a6f-9c39-0d5f4c1f1a02',
    projectName: 'Street photos',
    instructions: 'Draw a box around every car.',
    priceCents: 10,
    leaseEpoch: 1,
    leaseExpiresAt: '2026-03-04T12:00:00.000Z',
    config: {
      labels: [
        {
          code: 'car',
          label: { en: 'Car', fr: 'Voiture' },
          color: '#ff0000',
          shapes: ['box'],
          attributes: [],
        },
      ],
      minBoxSize: 4,
    },
    data: { image },
    ...overrides,
  };
}

export function recordingTask(
  overrides: Partial<Omit<RecordingTask, 'kind' | 'config' | 'data'>> = {},
): RecordingTask {
  return {
    kind: 'audio_recording',
    taskId: randomUUID(),
    itemId: randomUUID(),
    externalId: null,
    projectId: '5a8f1c1e-3a57-4a6f-9c39-0d5f4c1f1a03',
    projectName: 'Read aloud',
    instructions: 'Read the sentence in a quiet room.',
    priceCents: 8,
    leaseEpoch: 1,
    leaseExpiresAt: '2026-03-04T12:00:00.000Z',
    config: {
      minDurationMs: 1000,
      maxDurationMs: 15000,
      minLevelDb: -40,
      clippingDb: -0.1,
      sampleRate: 16000,
      trimSilence: true,
    },
    data: { prompts: [{ id: 'p1', text: 'Bonjour, je m’appelle Awa.' }] },
    ...overrides,
  };
}

/** Instructions in Markdown that show a stored image. */
export function instructionsImage(sha256: string): string {
  return `Draw a box around every car, like this:\n\n![example](/media/${sha256})\n`;
}

/** Sync timings for tests against a stub queue on loopback: quick retries, no idle passes. */
export const STUB_SYNC_TIMINGS = {
  baseDelayMs: 20,
  maxDelayMs: 100,
  idleIntervalMs: 60_000,
  requestTimeoutMs: 2_000,
  renewIntervalMs: 60_000,
  stallTimeoutMs: 2_000,
};

/** Generous waits: these tests run beside other suites on busy machines. */
export const STUB_WAIT = { timeout: 15_000, interval: 20 };

/** `count` moderation tasks leased into the store and answered: the outbox holds their answers. */
export function submittedTasks(
  store: {
    storeLeasedTasks(tasks: ModerationTask[]): unknown;
    submit(taskId: string, answer: unknown): unknown;
  },
  count: number,
): string[] {
  const tasks = Array.from({ length: count }, () => leasedTask());
  store.storeLeasedTasks(tasks);
  for (const task of tasks) store.submit(task.taskId, { decision: 'approve' });
  return tasks.map((task) => task.taskId);
}
