/**
 * Validation, end to end and offline: two clips (espeak-ng speech, an MP3 and a WAV) and the
 * sentences they should say; the answer buttons stay locked until a clip has been heard to the
 * end; V, I, 1–9, R and Enter do the work; the queue gets one valid and one invalid verdict with
 * its reason.
 */
import { expect, test } from '@playwright/test';
import { startBrowserModeWorkstation } from '../helpers/queue-fixture';
import { createAudioQueue, signIn, takeTasks, VALIDATION_PROJECT } from './audio-fixture';

test('two clips are validated offline, only after being heard, and the verdicts reach the queue', async ({
  page,
}) => {
  const queue = await createAudioQueue(VALIDATION_PROJECT, [
    {
      id: 'weather',
      // An MP3, as clients' voice clips often are: the queue measures it, the laptop plays it.
      data: { audio: 'clip-en-weather.mp3', sentence: 'The weather is lovely today.', language: 'en' },
    },
    // The clip says "huit heures": the sentence is wrong.
    {
      id: 'train',
      data: { audio: 'clip-fr-train.wav', sentence: 'Le train part à neuf heures.', language: 'fr' },
    },
  ]);
  await queue.start();
  const laptop = await startBrowserModeWorkstation(queue.url);
  try {
    await signIn(page, laptop.url);
    const tasks = await takeTasks(page, 2);
    await queue.stop();

    await tasks.first().click();
    const seen: string[] = [];
    for (const position of [1, 2]) {
      await expect(page.getByText(`Task ${position} of 2`)).toBeVisible();
      const sentence = (await page.locator('.sentence').textContent()) ?? '';
      seen.push(sentence);
      const valid = page.getByRole('button', { name: /^Valid/ });
      const submit = page.getByRole('button', { name: /^Submit/ });
      await expect(page.getByRole('button', { name: /^Play/ })).toBeEnabled();

      // Not heard yet: the keys and the buttons do nothing, and the screen says why.
      await page.keyboard.press('v');
      await expect(valid).toHaveAttribute('aria-pressed', 'false');
      await expect(valid).toHaveAttribute('aria-disabled', 'true');
      await expect(submit).toHaveAttribute('aria-disabled', 'true');
      await expect(page.locator('#audio-submit-why')).toHaveText('Listen to the whole clip first.');

      // Listen (Space the first time, R to replay the second), to the end.
      await page.keyboard.press(position === 1 ? 'Space' : 'r');
      await expect(page.getByText('You heard the whole clip.')).toBeVisible({ timeout: 20_000 });

      if (sentence.startsWith('The weather')) {
        await page.keyboard.press('v');
        await expect(valid).toHaveAttribute('aria-pressed', 'true');
      } else {
        await page.keyboard.press('i');
        await expect(page.locator('#audio-submit-why')).toHaveText('Choose why the clip is invalid.');
        await page.keyboard.press('1');
        await expect(page.getByRole('radio', { name: 'Wrong or missing words' })).toBeChecked();
      }
      await expect(page.locator('#audio-submit-why')).toHaveText('Ready to submit.');
      await page.keyboard.press('Enter');
    }
    expect(seen.sort()).toEqual(['Le train part à neuf heures.', 'The weather is lovely today.']);
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();

    await queue.start();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('.sync-status')).toContainText('Everything is sent', { timeout: 30_000 });
    const results = await queue.results();
    const byItem = Object.fromEntries(results.map((result) => [result.externalId, result.answer]));
    expect(byItem).toEqual({
      weather: { verdict: 'valid' },
      train: { verdict: 'invalid', reason: 'wrong_words' },
    });
  } finally {
    await laptop.stop();
    await queue.stop();
  }
});
