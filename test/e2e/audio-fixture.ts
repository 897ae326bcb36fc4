/**
 * What the audio E2E specs share: a central queue (its own process, as in production) seeded with
 * an audio project whose items name the committed speech fixtures, and the steps of signing in
 * and taking tasks in the browser-mode workstation.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Locator, type Page } from '@playwright/test';
import { startQueueServer } from '../../src/server/embed';
import type { ProjectSpecInput } from '../../src/shared/domain/project';
import { parseWavHeader, readSample } from '../../src/shared/media/wav';
import { freePort, repoRoot, startTsx, type RunningProcess } from '../helpers/processes';
import { ADMIN, HITTER } from '../helpers/queue-fixture';
import { filesOnLaptop } from './project-queue';

export const AUDIO_FIXTURES = join(repoRoot, 'test/fixtures/audio');

const bilingual = (en: string, fr: string) => ({ en, fr });

export const TRANSCRIPTION_PROJECT: ProjectSpecInput = {
  name: 'Restaurant calls — transcription',
  kind: 'audio_transcription',
  instructions:
    'Mark each stretch of speech as a segment and type exactly what is said, in the language spoken.',
  config: {
    labels: [
      {
        code: 'speech',
        label: bilingual('Speech', 'Parole'),
        color: '#2563eb',
        hotkey: '1',
        transcribe: true,
      },
      { code: 'noise', label: bilingual('Noise', 'Bruit'), color: '#6b7280', hotkey: '2', transcribe: false },
      {
        code: 'music',
        label: bilingual('Music', 'Musique'),
        color: '#9333ea',
        hotkey: '3',
        transcribe: false,
      },
    ],
    allowOverlap: false,
    minSegmentMs: 200,
  },
};

export const RECORDING_PROJECT: ProjectSpecInput = {
  name: 'Voice prompts — recording',
  kind: 'audio_recording',
  instructions: 'Read each sentence aloud, clearly, in a quiet place.',
  config: {
    minDurationMs: 1000,
    maxDurationMs: 10_000,
    minLevelDb: -40,
    sampleRate: 16_000,
    trimSilence: true,
  },
};

export const VALIDATION_PROJECT: ProjectSpecInput = {
  name: 'Voice clips — validation',
  kind: 'audio_validation',
  instructions: 'Listen to the whole clip. It is valid only if it says exactly the sentence shown.',
  config: {
    reasons: [
      { code: 'wrong_words', label: bilingual('Wrong or missing words', 'Mots faux ou manquants') },
      { code: 'noise', label: bilingual('Too noisy', 'Trop de bruit') },
      { code: 'unclear', label: bilingual('Cannot be understood', 'Incompréhensible') },
    ],
  },
};

/** A queue in its own process, seeded with one audio project and its items (media from the fixtures). */
export async function createAudioQueue(spec: ProjectSpecInput, items: Array<{ id: string; data: unknown }>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hitdesk-e2e-audio-queue-'));
  const port = await freePort();
  const seeded = await startQueueServer({ dataDir, port: 0 });
  let projectId: string;
  try {
    await seeded.admin.createUser({ ...HITTER, role: 'hitter' });
    await seeded.admin.createUser({ ...ADMIN, displayName: 'Admin', role: 'admin' });
    projectId = (await seeded.admin.createProject(spec)).id;
    const jsonl = items.map((item) => JSON.stringify(item)).join('\n');
    const report = await seeded.admin.importFile(projectId, jsonl, {
      mediaDir: AUDIO_FIXTURES,
      strict: true,
    });
    if (report.imported !== items.length) throw new Error(`import: ${JSON.stringify(report)}`);
  } finally {
    await seeded.close();
  }
  const url = `http://127.0.0.1:${port}`;
  let running: RunningProcess | null = null;
  const adminToken = async () => {
    const response = await fetch(`${url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    return ((await response.json()) as { token: string }).token;
  };
  return {
    url,
    projectId,
    async start() {
      running = await startTsx(
        'src/server/cli.ts',
        ['serve', '--data-dir', dataDir, '--port', String(port), '--quiet'],
        {
          ready: /listening on http/,
        },
      );
    },
    async stop() {
      await running?.stop();
      running = null;
    },
    async results() {
      const response = await fetch(`${url}/v1/projects/${projectId}/results`, {
        headers: { authorization: `Bearer ${await adminToken()}` },
      });
      type Result = { taskId: string; externalId: string | null; answer: unknown; status: string };
      return ((await response.json()) as { results: Result[] }).results;
    },
    /** A stored media file, as the client downloading results would get it. */
    async media(sha256: string): Promise<Uint8Array> {
      const response = await fetch(`${url}/v1/media/${sha256}`, {
        headers: { authorization: `Bearer ${await adminToken()}` },
      });
      if (!response.ok) throw new Error(`media ${sha256}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** Decodes a 16-bit WAV file: duration, and RMS level (dBFS) of its samples. */
export function decodeWav(bytes: Uint8Array) {
  const info = parseWavHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let frame = 0; frame < info.frames; frame += 1) {
    const sample = readSample(view, info.dataOffset + frame * info.blockAlign, info.encoding);
    sum += sample * sample;
  }
  return { ...info, rmsDb: 10 * Math.log10(sum / info.frames) };
}

export async function signIn(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await page.getByLabel('Username').fill(HITTER.username);
  await page.getByLabel('Password', { exact: true }).fill(HITTER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();
}

/**
 * After a reload or in a new window: the app may reopen on the task it was showing (crash
 * recovery), or show the inbox; either way, ends on the task whose screen shows `marker`.
 */
export async function backToTask(page: Page, marker: Locator) {
  const inbox = page.getByRole('list', { name: 'Tasks on this laptop' }).getByRole('button');
  await expect(async () => {
    if (await marker.isVisible()) return;
    await inbox.first().click({ timeout: 2000 });
    await expect(marker).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

/** Takes `count` tasks and, when they have files (`withFiles`), waits until those are on the laptop. */
export async function takeTasks(page: Page, count: number, withFiles = true) {
  await page.getByLabel('How many tasks?').fill(String(count));
  await page.getByRole('button', { name: 'Take tasks' }).click();
  await expect(page.getByText(count === 1 ? '1 task taken.' : `${count} tasks taken.`)).toBeVisible();
  if (withFiles) await filesOnLaptop(page);
  const tasks = page.getByRole('list', { name: 'Tasks on this laptop' }).getByRole('button');
  await expect(tasks).toHaveCount(count);
  return tasks;
}

/**
 * A Chromium whose microphone is Chromium's fake capture device playing `wav` in a loop, with the
 * permission granted (the app asks for the microphone of its own origin only).
 */
export async function launchWithMicrophone(wav: string) {
  const systemChromium =
    process.env.HITDESK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(systemChromium ? { executablePath: systemChromium } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  return { browser, context, page };
}
