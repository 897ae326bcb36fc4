/**
 * Transcription, end to end and offline: a HITer takes a recording (an English and a French
 * sentence, made with espeak-ng), the queue goes away, she marks the segments with the mouse and
 * the keyboard, types the transcripts, reloads the app on the way (the draft and its undo history
 * survive), submits, and once the queue is back it holds her segments to within 50 ms.
 */
import { expect, test, type Page } from '@playwright/test';
import { startBrowserModeWorkstation } from '../helpers/queue-fixture';
import { backToTask, createAudioQueue, signIn, takeTasks, TRANSCRIPTION_PROJECT } from './audio-fixture';

const DURATION_S = 10.272; // dialogue-en-fr.wav
const EN = 'Hello, I would like to book a table for two people tonight.';
const FR = 'Bonjour, je voudrais réserver une table pour deux personnes ce soir.';

/** Screen x of a time on the waveform (fitted to its width, the zoom it opens with). */
async function waveformX(page: Page) {
  const box = await page.locator('.waveform-canvas').boundingBox();
  if (!box) throw new Error('no waveform');
  return { x: (seconds: number) => box.x + (seconds / DURATION_S) * box.width, y: box.y + box.height / 2 };
}

async function drag(page: Page, from: { x: number; y: number }, toX: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1)
    await page.mouse.move(from.x + ((toX - from.x) * step) / 12, from.y);
  await page.mouse.up();
}

test('a recording is segmented and transcribed offline, and the queue gets the segments', async ({
  page,
}) => {
  const queue = await createAudioQueue(TRANSCRIPTION_PROJECT, [
    { id: 'call-1', data: { audio: 'dialogue-en-fr.wav', context: 'A customer calls a restaurant.' } },
  ]);
  await queue.start();
  const laptop = await startBrowserModeWorkstation(queue.url);
  try {
    await signIn(page, laptop.url);
    const tasks = await takeTasks(page, 1);
    await queue.stop(); // the line goes down

    await tasks.first().click();
    await expect(page.getByRole('heading', { level: 1, name: TRANSCRIPTION_PROJECT.name })).toBeVisible();
    const play = page.getByRole('button', { name: /^Play/ });
    await expect(play).toBeEnabled(); // the waveform is drawn from the queue's peaks
    const rows = page.locator('.segment-row');
    // Segment 1, drawn with the mouse over the English sentence: its transcript takes the focus.
    const { x, y } = await waveformX(page);
    await drag(page, { x: x(0.5), y }, x(4.6));
    await expect(rows).toHaveCount(1);
    await expect(page.getByLabel('Transcript of segment 1')).toBeFocused();
    await page.keyboard.type(EN);

    // Reload: the draft is on the laptop, undo included.
    await expect(page.getByText('Draft saved')).toBeVisible();
    await page.reload();
    await backToTask(page, page.getByLabel('Transcript of segment 1'));
    await expect(page.getByLabel('Transcript of segment 1')).toHaveValue(EN);
    await expect(page.getByRole('button', { name: 'Undo' })).not.toHaveAttribute('aria-disabled', 'true');

    // The player from inside the transcript: Ctrl+→ / Ctrl+Shift+→ / Ctrl+← skip 2 s, 5 s, back 2 s;
    // Ctrl+Space plays and pauses.
    const position = page.getByRole('slider', { name: 'Position' });
    await page.getByLabel('Transcript of segment 1').focus();
    await page.keyboard.press('Control+ArrowRight');
    await expect(position).toHaveValue('2');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await expect(position).toHaveValue('7');
    await page.keyboard.press('Control+ArrowLeft');
    await expect(position).toHaveValue('5');
    await expect(page.getByLabel('Transcript of segment 1')).toBeFocused();
    await page.keyboard.press('Control+Space');
    await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
    await page.keyboard.press('Control+Space');
    await expect(page.getByRole('button', { name: /^Play/ }).first()).toBeVisible();
    await expect(page.getByLabel('Transcript of segment 1')).toHaveValue(EN);

    // Segment 2 from the keyboard: seek by clicking at 5.5 s, Ctrl+I adds 2 s there …
    // (Positions are measured again before each use: the page scrolls under the sticky waveform.)
    let at = await waveformX(page);
    await page.mouse.click(at.x(5.5), at.y);
    await page.getByLabel('Transcript of segment 1').focus();
    await page.keyboard.press('Control+i');
    await expect(rows).toHaveCount(2);
    await expect(page.getByLabel('Transcript of segment 2')).toBeFocused();
    // … and its end is dragged to 9.8 s by the region's handle.
    at = await waveformX(page);
    await drag(page, { x: at.x(7.5) - 2, y: at.y }, at.x(9.8) - 2);
    await expect(rows.nth(1).getByRole('button', { name: /^Play segment 2/ })).toHaveAccessibleName(
      /0:05\.\d to 0:09\.\d/,
    );

    // Type, undo the typing burst, redo it: all from inside the text field.
    await page.getByLabel('Transcript of segment 2').focus();
    await page.keyboard.type(FR);
    await page.keyboard.press('Control+z');
    await expect(page.getByLabel('Transcript of segment 2')).toHaveValue('');
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByLabel('Transcript of segment 2')).toHaveValue(FR);

    // Split at the playhead and merge back: the text follows.
    at = await waveformX(page);
    await page.mouse.click(at.x(7.0), at.y);
    await page.getByLabel('Transcript of segment 2').focus();
    await page.keyboard.press('Control+k');
    await expect(rows).toHaveCount(3);
    await page.getByLabel('Transcript of segment 2').focus();
    await page.keyboard.press('Control+m');
    await expect(rows).toHaveCount(2);
    await expect(page.getByLabel('Transcript of segment 2')).toHaveValue(FR);

    // Segment 3: the tail of the file, labelled noise with Alt+2 (no transcript needed).
    at = await waveformX(page);
    await page.mouse.click(at.x(9.95), at.y);
    await page.getByLabel('Transcript of segment 2').focus();
    await page.keyboard.press('Control+i');
    await expect(rows).toHaveCount(3);
    await page.keyboard.press('Alt+2');
    await expect(page.getByLabel('Label of segment 3')).toHaveValue('noise');
    await expect(page.getByText('No transcript needed for “Noise”.')).toBeVisible();

    // Tab walks back to the transcripts; Ctrl+Enter submits.
    await page.getByLabel('Transcript of segment 1').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Transcript of segment 2')).toBeFocused();
    await expect(page.getByText('Ready to submit.')).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();

    // The line comes back: the answer reaches the queue once.
    await queue.start();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('.sync-status')).toContainText('Everything is sent', { timeout: 30_000 });
    const results = await queue.results();
    expect(results).toHaveLength(1);
    const { segments } = results[0]!.answer as {
      segments: Array<{ startMs: number; endMs: number; label: string; text: string }>;
    };
    const expected = [
      { startMs: 500, endMs: 4600, label: 'speech', text: EN },
      { startMs: 5500, endMs: 9800, label: 'speech', text: FR },
      { startMs: 9950, endMs: 10_272, label: 'noise', text: '' },
    ];
    expect(segments).toHaveLength(expected.length);
    segments.forEach((segment, index) => {
      const want = expected[index]!;
      expect(segment.label).toBe(want.label);
      expect(segment.text).toBe(want.text);
      expect(Math.abs(segment.startMs - want.startMs), `segment ${index + 1} start`).toBeLessThanOrEqual(50);
      expect(Math.abs(segment.endMs - want.endMs), `segment ${index + 1} end`).toBeLessThanOrEqual(50);
    });
  } finally {
    await laptop.stop();
    await queue.stop();
  }
});
