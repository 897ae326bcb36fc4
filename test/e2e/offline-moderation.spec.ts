/**
 * The walking skeleton, end to end: a HITer signs in, takes a batch, loses the connection,
 * moderates three reviews, and once the queue is back every answer is on it exactly once.
 */
import { expect, test } from '@playwright/test';
import { createQueueFixture, HITTER, startBrowserModeWorkstation } from '../helpers/queue-fixture';

test('a batch moderated offline reaches the queue exactly once when it comes back', async ({ page }) => {
  const queue = await createQueueFixture(5);
  await queue.start();
  const laptop = await startBrowserModeWorkstation(queue.url);
  try {
    await page.goto(laptop.url);
    await page.getByLabel('Username').fill(HITTER.username);
    await page.getByLabel('Password', { exact: true }).fill(HITTER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();

    await page.getByLabel('How many tasks?').fill('3');
    await page.getByRole('button', { name: 'Take tasks' }).click();
    await expect(page.getByText('3 tasks taken.')).toBeVisible();
    const tasks = page.getByRole('list', { name: 'Tasks on this laptop' }).getByRole('button');
    await expect(tasks).toHaveCount(3);

    // The line goes down.
    await queue.stop();

    // First review: approve with the keyboard.
    await tasks.first().click();
    await expect(page.getByText('Task 1 of 3')).toBeVisible();
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    // Second: reject for the second reason, keyboard only (the digit implies Reject).
    await expect(page.getByText('Task 2 of 3')).toBeVisible();
    await page.keyboard.press('2');
    await expect(page.getByRole('button', { name: /^Reject/ })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Enter');
    // Third: with the mouse.
    await expect(page.getByText('Task 3 of 3')).toBeVisible();
    await page.getByRole('button', { name: /^Approve/ }).click();
    await page.getByRole('button', { name: /^Submit/ }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const status = page.locator('.sync-status');
    await expect(status).toContainText('Offline');
    await expect(status).toContainText('3 answers waiting to be sent');

    // The line comes back.
    await queue.start();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toContainText('Everything is sent', { timeout: 30_000 });
    await expect(page.getByText('Received')).toHaveCount(3);

    const results = await queue.results();
    expect(results).toHaveLength(3);
    expect(new Set(results.map((r) => r.taskId)).size).toBe(3);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const decisions = results.map((r) => (r.answer as { decision: string }).decision).sort();
    expect(decisions).toEqual(['approve', 'approve', 'reject']);
    expect(results.find((r) => (r.answer as { decision: string }).decision === 'reject')?.answer).toEqual({
      decision: 'reject',
      reason: 'personal_data', // the demo project's second reason
      spans: [], // a project without span labels: no passage marked, no redacted text
    });

    // Syncing again changes nothing on the queue.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toContainText('Everything is sent');
    expect(await queue.results()).toHaveLength(3);
  } finally {
    await laptop.stop();
    await queue.stop();
  }
});
