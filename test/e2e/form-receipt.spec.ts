/**
 * Data processing, end to end and offline: a receipt image shown beside its form (zoom and pan,
 * from the laptop's media cache), a prefilled value checked, a value refused by the field's
 * pattern and corrected, and the queue receives exactly the typed values.
 */
import { expect, test } from '@playwright/test';
import { startBrowserModeWorkstation } from '../helpers/queue-fixture';
import { createProjectQueue, filesOnLaptop, signInAndTake, syncUntilSent } from './project-queue';

// Two queue starts, a laptop and a sync on a shared CI machine: more than the default two minutes.
test.setTimeout(300_000);

test('a receipt image transcribed into a form reaches the queue as typed', async ({ page }) => {
  const queue = await createProjectQueue({
    project: 'test/fixtures/forms/receipt-project.json',
    items: 'test/fixtures/forms/receipt-items.jsonl',
    mediaDir: 'test/fixtures/forms',
  });
  await queue.start();
  const laptop = await startBrowserModeWorkstation(queue.url);
  try {
    await signInAndTake(page, laptop.url, 1);
    // The receipt comes with the batch: once it is here the queue is gone, the image still shows.
    await filesOnLaptop(page);
    await queue.stop();
    await page.getByRole('list', { name: 'Tasks on this laptop' }).getByRole('button').first().click();

    const image = page.getByRole('group', { name: 'Image of the document to transcribe' });
    await expect(image).toBeVisible();
    await expect(image.locator('canvas').first()).toBeVisible();
    await expect(page.locator('.image-status')).toHaveCount(0); // loaded, not loading or failed
    const zoom = page.locator('.zoom-level');
    const fitted = await zoom.textContent();
    await image.focus();
    await page.keyboard.press('+');
    await expect(zoom).not.toHaveText(fitted ?? '');

    // The currency came filled in by the client: checked, kept.
    await expect(page.getByRole('radio', { name: 'CFA franc (FCFA)' })).toBeChecked();
    await page.getByRole('textbox', { name: 'Shop name' }).fill('Boutique Élodie');
    await page.getByRole('textbox', { name: /^Date/ }).fill('2026-03-14');
    const ticket = page.getByRole('textbox', { name: 'Receipt number' });
    await ticket.fill('731');
    await ticket.press('Enter'); // leaves the field: its problem is named
    await expect(ticket).toHaveAttribute('aria-invalid', 'true');
    await expect(ticket).toHaveAccessibleDescription(
      /6 digits, zeros included\. This is not in the expected form/,
    );
    await ticket.fill('000731');
    await expect(ticket).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('textbox', { name: 'Number of lines' }).fill('4');
    await page.getByRole('textbox', { name: 'Total' }).fill('10 000');
    await expect(page.getByText('Read as 10,000')).toBeVisible();
    await page.getByRole('radio', { name: 'Mobile money' }).check();
    await page.getByRole('textbox', { name: 'Shop phone' }).fill('+228 90 12 34 56');

    await page.getByRole('button', { name: /^Submit/ }).click();
    await expect(page.getByText('Well done!')).toBeVisible();

    await queue.start();
    await syncUntilSent(page);
    const results = await queue.results();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ externalId: 'receipt-001', status: 'accepted' });
    expect(results[0]?.answer).toEqual({
      values: {
        shop: 'Boutique Élodie',
        date: '2026-03-14',
        ticket: '000731',
        lines: 4,
        total: 10000,
        currency: 'xof',
        payment: 'mobile_money',
        shop_phone: '+228 90 12 34 56',
      },
    });
  } finally {
    await laptop.stop();
    await queue.stop();
  }
});
