/**
 * Recording, end to end and offline. Chromium's fake microphone plays espeak-ng speech: first far
 * too quietly (the take is refused on the laptop as too quiet), then at a normal level (the HITer
 * fixed her microphone: a new browser on the same laptop, same task). Three prompts are recorded,
 * stored on the laptop, and once the queue is back the outbox uploads the WAV files before the
 * answer: the queue holds three decodable recordings of the durations and levels measured here.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startBrowserModeWorkstation } from '../helpers/queue-fixture';
import {
  AUDIO_FIXTURES,
  backToTask,
  createAudioQueue,
  decodeWav,
  launchWithMicrophone,
  RECORDING_PROJECT,
  signIn,
  takeTasks,
} from './audio-fixture';

const PROMPTS = [
  { id: 'p1', text: 'Please read this sentence clearly into the microphone.', language: 'en' },
  { id: 'p2', text: 'Bonjour, je voudrais réserver une table pour ce soir.', language: 'fr' },
  { id: 'p3', text: 'The train leaves at eight o’clock.', language: 'en' },
];

/**
 * R, the countdown, `holdMs` of recording, Space; waits for the checks to be done. Returns how
 * long the screen's clock said the take lasted when it was stopped (seconds).
 */
async function recordTake(page: Page, holdMs: number): Promise<number> {
  const status = page.locator('.recorder-status');
  await page.keyboard.press('r');
  await expect(status).toContainText('Recording…', { timeout: 15_000 });
  await page.waitForTimeout(holdMs);
  const clock = (await status.textContent()) ?? '';
  await page.keyboard.press('Space');
  await expect(status).toHaveText('', { timeout: 15_000 });
  const [, minutes = '0', seconds = '0'] = /(\d+):(\d+\.\d)/.exec(clock) ?? [];
  return Number(minutes) * 60 + Number(seconds);
}

test('three prompts are recorded offline, one refused as too quiet and re-recorded, and the queue gets the files', async () => {
  test.setTimeout(240_000);
  const queue = await createAudioQueue(RECORDING_PROJECT, [{ id: 'set-1', data: { prompts: PROMPTS } }]);
  await queue.start();
  const laptop = await startBrowserModeWorkstation(queue.url);
  const quiet = await launchWithMicrophone(join(AUDIO_FIXTURES, 'mic-speech-quiet.wav'));
  let normal: Awaited<ReturnType<typeof launchWithMicrophone>> | null = null;
  try {
    let page = quiet.page;
    await signIn(page, laptop.url);
    const tasks = await takeTasks(page, 1, false); // prompts to read: no files to download
    await queue.stop(); // offline from here

    await tasks.first().click();
    await expect(page.getByRole('heading', { level: 1, name: RECORDING_PROJECT.name })).toBeVisible();
    await expect(page.locator('.prompt-now')).toHaveText(PROMPTS[0]!.text);
    await recordTake(page, 2500);
    await expect(page.getByRole('alert')).toContainText('This recording cannot be kept');
    await expect(page.getByRole('alert')).toContainText('Too quiet');
    await expect(page.locator('.prompt-item').first()).toContainText('Refused: record it again');
    await expect(page.locator('#audio-submit-why')).toHaveText('Record every sentence before sending.');
    await quiet.browser.close();

    // A working microphone now: the same laptop and task, a new browser window.
    normal = await launchWithMicrophone(join(AUDIO_FIXTURES, 'mic-speech.wav'));
    page = normal.page;
    await page.goto(laptop.url);
    await backToTask(page, page.locator('.prompt-now'));
    await expect(page.locator('.prompt-now')).toHaveText(PROMPTS[0]!.text);

    const held: number[] = [];
    for (const [index, prompt] of PROMPTS.entries()) {
      await expect(page.locator('.prompt-now')).toHaveText(prompt.text);
      held.push(await recordTake(page, 3000));
      await expect(page.locator('.prompt-item').nth(index)).toContainText(/Recorded, \d+\.\d\ss/);
    }
    await expect(page.getByText('Recorded: 3 of 3')).toBeVisible();
    await expect(page.locator('#audio-submit-why')).toHaveText('Ready to submit.');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();

    // The line comes back: the recordings are uploaded, then the answer.
    await queue.start();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('.sync-status')).toContainText('Everything is sent', { timeout: 60_000 });
    const results = await queue.results();
    expect(results).toHaveLength(1);
    type Recording = {
      promptId: string;
      audio: { sha256: string; mime: string; bytes: number; durationMs: number };
      checks: {
        levelDb: number;
        peakDb: number;
        clipped: boolean;
        trimmedStartMs: number;
        trimmedEndMs: number;
      };
    };
    const { recordings } = results[0]!.answer as { recordings: Recording[] };
    expect(recordings.map((recording) => recording.promptId)).toEqual(['p1', 'p2', 'p3']);
    for (const [index, recording] of recordings.entries()) {
      const file = await queue.media(recording.audio.sha256);
      const wav = decodeWav(file);
      expect(file.length).toBe(recording.audio.bytes);
      expect(wav.sampleRate).toBe(16_000);
      expect(wav.channels).toBe(1);
      expect(Math.abs(wav.durationMs - recording.audio.durationMs)).toBeLessThanOrEqual(1);
      // The kept voice and the silence cut off add up to the take's length as the screen timed it
      // (to its clock's step and the time a key press takes), and at least the minimum is kept.
      expect(wav.durationMs).toBeGreaterThanOrEqual(1000);
      const taken = recording.checks.trimmedStartMs + wav.durationMs + recording.checks.trimmedEndMs;
      expect(
        Math.abs(taken - held[index]! * 1000),
        `take ${index + 1}: ${taken} ms, clock ${held[index]} s`,
      ).toBeLessThan(700);
      // The level the laptop measured is the level of the file the queue holds (a normal voice).
      expect(recording.checks.levelDb).toBeGreaterThan(-40);
      expect(recording.checks.clipped).toBe(false);
      expect(Math.abs(wav.rmsDb - recording.checks.levelDb)).toBeLessThan(4);
    }
  } finally {
    await quiet.browser.close().catch(() => undefined);
    await normal?.browser.close();
    await laptop.stop();
    await queue.stop();
  }
});
