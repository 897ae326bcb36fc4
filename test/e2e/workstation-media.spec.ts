/**
 * The offline-first workstation end to end, in browser mode: a HITer takes a batch holding text,
 * images and audio; its files download with a progress bar; the queue goes away; the text tasks
 * are done offline; the app is restarted and reopens on the task that was open; still offline,
 * the photos are annotated and the clips transcribed from the laptop's cached files; the queue
 * comes back: every answer arrives once and the feedback (pay) appears in "My work".
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HITTER } from '../helpers/queue-fixture';
import { FIXTURE_IMAGES } from '../helpers/queue-projects';
import { createMediaQueueFixture, EXAMPLE_CAPTION, startLaptop } from '../helpers/workstation/e2e-fixture';

/** A bridge call from the page, as the renderer makes it. */
async function bridge<T>(page: Page, name: string, input: unknown = null): Promise<T> {
  return page.evaluate(
    async ({ name, input }) => {
      const response = await fetch(`/bridge/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input }),
      });
      const result = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
    { name, input },
  ) as Promise<T>;
}

/** A cached file fetched by the page from `/media/<sha256>`: status, type, and the bytes (base64). */
async function media(page: Page, sha256: string, range?: string) {
  return page.evaluate(
    async ({ sha256, range }) => {
      const response = await fetch(`/media/${sha256}`, range ? { headers: { range } } : {});
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        contentRange: response.headers.get('content-range'),
        base64: btoa(binary),
      };
    },
    { sha256, range },
  );
}

async function dragMouse(page: Page, [x1, y1]: [number, number], [x2, y2]: [number, number]) {
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move(x2, y2, { steps: 10 });
  await page.mouse.up();
}

async function signIn(page: Page) {
  await page.getByLabel('Username').fill(HITTER.username);
  await page.getByLabel('Password', { exact: true }).fill(HITTER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a batch with images and audio, worked offline across a restart, arrives once with its feedback', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const queue = await createMediaQueueFixture();
  await queue.start();
  let laptop = await startLaptop(queue.url);
  try {
    await page.goto(laptop.url);
    await signIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();

    // Take the whole batch: 3 reviews, 2 photos, 2 audio clips. Their files download with progress.
    await page.getByLabel('How many tasks?').fill('7');
    await page.getByRole('button', { name: 'Take tasks' }).click();
    await expect(page.getByText('7 tasks taken.')).toBeVisible();
    const downloads = page.locator('.download');
    await expect(downloads).toContainText('All task files are on this laptop', { timeout: 60_000 });
    await expect(downloads).toContainText(/Storage used: .+ of .+/);
    const tasks = page.getByRole('list', { name: 'Tasks on this laptop' }).getByRole('button');
    await expect(tasks).toHaveCount(7);
    await expect(page.getByText(/Files downloading/)).toHaveCount(0);

    // The line goes down.
    await queue.stop();

    // The photos and the audio are served from the laptop: whole, in ranges (audio streams), typed.
    const cat = queue.media['chelsea.png']!;
    const served = await media(page, cat.sha256);
    expect(served).toMatchObject({ status: 200, type: 'image/png' });
    expect(Buffer.from(served.base64, 'base64').equals(readFileSync(FIXTURE_IMAGES.cat))).toBe(true);
    const clip = queue.media['train-fr.wav']!;
    const head = await media(page, clip.sha256, 'bytes=0-43');
    expect(head).toMatchObject({ status: 206, type: 'audio/wav', contentRange: `bytes 0-43/${clip.bytes}` });
    expect(Buffer.from(head.base64, 'base64').subarray(0, 4).toString()).toBe('RIFF');
    expect((await media(page, clip.peaks!.sha256)).status).toBe(200);
    expect((await media(page, 'f'.repeat(64))).status).toBe(404);

    // The three reviews, offline, with the keyboard.
    await tasks.first().click();
    for (let i = 1; i <= 3; i += 1) {
      await expect(page.getByText(`Task ${i} of 7`)).toBeVisible();
      await page.keyboard.press('a');
      await page.keyboard.press('Enter');
    }
    // The run goes on to a photo: its workspace loads the image from the cache, with the queue down.
    await expect(page.getByText('Task 4 of 7')).toBeVisible();
    const status = page.locator('.sync-status');
    await expect(status).toContainText('3 answers waiting to be sent');

    // The app stops (as a crash or a power cut would), and starts again, still offline.
    await laptop.stop();
    laptop = await startLaptop(queue.url, laptop.dataDir);
    const photo = page.waitForResponse((response) => response.url().includes('/media/') && response.ok());
    await page.goto(laptop.url);
    await signIn(page);
    // It reopens on the task that was open (the first photo), its image served from the laptop.
    // (The run counts what is left to do: the four tasks with files.)
    await expect(page.getByText('Task 1 of 4')).toBeVisible();
    await expect(page.getByText('Street photos').first()).toBeVisible();
    expect((await photo).status()).toBeLessThan(300);
    // The project's example image, in its instructions: from the laptop's copy too.
    const example = page.getByRole('img', { name: EXAMPLE_CAPTION });
    await expect(example).toBeVisible();
    await expect
      .poll(() => example.evaluate((img) => (img as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);

    // Both photos, offline: a box on each (the project's first label), Ctrl+Enter to submit.
    for (const n of [1, 2]) {
      await expect(page.getByText(`Task ${n} of 4`)).toBeVisible();
      const canvas = page.getByRole('application', { name: /^Image to annotate/ });
      await expect(page.locator('.image-status')).toHaveCount(0); // decoded from the laptop's copy
      const box = await canvas.boundingBox();
      if (!box) throw new Error('the image is not on screen');
      await dragMouse(
        page,
        [box.x + box.width * 0.35, box.y + box.height * 0.35],
        [box.x + box.width * 0.65, box.y + box.height * 0.65],
      );
      await expect(page.locator('#shapes-heading')).toContainText('1 shape');
      await canvas.focus();
      await page.keyboard.press('Control+Enter');
    }
    // Both clips, offline: their waveforms from the cached peaks, a segment each, transcribed.
    for (const n of [3, 4]) {
      await expect(page.getByText(`Task ${n} of 4`)).toBeVisible();
      await expect(page.getByRole('button', { name: /^Play/ }).first()).toBeEnabled();
      const wave = await page.locator('.waveform-canvas').boundingBox();
      if (!wave) throw new Error('no waveform');
      const y = wave.y + wave.height / 2;
      await dragMouse(page, [wave.x + wave.width * 0.1, y], [wave.x + wave.width * 0.6, y]);
      await expect(page.getByLabel('Transcript of segment 1')).toBeFocused();
      await page.keyboard.type(`Clip ${n - 2}, heard offline.`);
      await page.keyboard.press('Control+Enter');
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();
    await expect(page.getByText(/Signed in offline/)).toBeVisible();
    await expect(page.locator('.badge-pending')).toHaveCount(7);
    expect((await media(page, cat.sha256)).status).toBe(200);

    // The queue comes back: the answers go, by themselves or at "Sync now".
    await queue.start();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toContainText('Everything is sent', { timeout: 60_000 });
    await expect(page.locator('.badge-accepted')).toHaveCount(7);
    const everything = async () => [
      ...(await queue.results(queue.projects.moderation)),
      ...(await queue.results(queue.projects.image)),
      ...(await queue.results(queue.projects.audio)),
    ];
    const results = await everything();
    expect(results).toHaveLength(7);
    expect(new Set(results.map((result) => result.taskId)).size).toBe(7);
    expect(results.every((result) => result.worker === HITTER.username && result.status === 'accepted')).toBe(
      true,
    );
    const photos = await queue.results(queue.projects.image);
    for (const result of photos) expect((result.answer as { shapes: unknown[] }).shapes).toHaveLength(1);
    const clips = await queue.results(queue.projects.audio);
    expect(
      clips
        .map((result) => (result.answer as { segments: Array<{ text: string }> }).segments[0]?.text)
        .sort(),
    ).toEqual(['Clip 1, heard offline.', 'Clip 2, heard offline.']);
    // Syncing again sends nothing twice.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toContainText('Everything is sent');
    expect(await everything()).toHaveLength(7);

    // The feedback came down with the sync: the pay for each answer, and the balances.
    await page.getByRole('button', { name: /My work/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
    const history = page
      .getByRole('list', { name: 'Work you submitted, newest first' })
      .getByRole('listitem');
    await expect(history.filter({ hasText: 'Customer reviews' })).toHaveCount(3);
    await expect(history.filter({ hasText: 'Street photos' })).toHaveCount(2);
    await expect(history.filter({ hasText: 'Radio clips' })).toHaveCount(2);
    await expect(page.locator('.work-earning')).toHaveCount(7, { timeout: 30_000 });
    await expect(page.locator('.balances')).toContainText(/€/);
    const work = await bridge<{ balances: { acceptedCents: number; pendingCents: number } | null }>(
      page,
      'work.history',
    );
    expect((work.balances?.acceptedCents ?? 0) + (work.balances?.pendingCents ?? 0)).toBeGreaterThan(0);
  } finally {
    await laptop.stop();
    await queue.stop();
  }
});
