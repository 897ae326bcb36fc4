/**
 * The offline-first workstation end to end, in browser mode: a HITer takes a batch holding text,
 * images and audio; its files download with a progress bar; the queue goes away; the text tasks
 * are done offline while the images and audio are served from the laptop's cache; the app is
 * restarted and reopens on the task that was open; the queue comes back: every answer arrives
 * once and the feedback (pay) appears in "My work".
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HITTER } from '../helpers/queue-fixture';
import { FIXTURE_IMAGES } from '../helpers/queue-projects';
import { createMediaQueueFixture, startLaptop } from '../helpers/workstation/e2e-fixture';

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
    await expect(page.getByRole('button', { name: /Back to tasks/ })).toBeVisible();
    await expect(page.getByText('Street photos').first()).toBeVisible();
    expect((await photo).status()).toBeLessThan(300);
    await page.getByRole('button', { name: /Back to tasks/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();
    await expect(page.getByText(/Signed in offline/)).toBeVisible();
    await expect(page.locator('.badge-pending')).toHaveCount(3);
    expect((await media(page, cat.sha256)).status).toBe(200);

    // The queue comes back: the answers go, by themselves or at "Sync now".
    await queue.start();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toContainText('Everything is sent', { timeout: 60_000 });
    await expect(page.locator('.badge-accepted')).toHaveCount(3);
    const results = await queue.results(queue.projects.moderation);
    expect(results).toHaveLength(3);
    expect(new Set(results.map((result) => result.taskId)).size).toBe(3);
    expect(results.every((result) => result.worker === HITTER.username && result.status === 'accepted')).toBe(
      true,
    );
    // Syncing again sends nothing twice.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toContainText('Everything is sent');
    expect(await queue.results(queue.projects.moderation)).toHaveLength(3);

    // The feedback came down with the sync: the pay for each answer, and the balances.
    await page.getByRole('button', { name: /My work/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
    const history = page
      .getByRole('list', { name: 'Work you submitted, newest first' })
      .getByRole('listitem');
    await expect(history.filter({ hasText: 'Customer reviews' })).toHaveCount(3);
    await expect(page.locator('.work-earning')).toHaveCount(3, { timeout: 30_000 });
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
