/**
 * A web-research form, end to end and offline: the research link opens outside the app, each
 * problem is named next to its field once the field is left (not on the first keystroke), Submit
 * stays unusable until the form is valid, undo works in a field, and the queue receives the typed
 * values exactly (a number as a number, no value as null, choices as codes).
 */
import { expect, test } from '@playwright/test';
import { startBrowserModeWorkstation } from '../helpers/queue-fixture';
import { createProjectQueue, signInAndTake, syncUntilSent } from './project-queue';

// Two queue starts, a laptop and a sync on a shared CI machine: more than the default two minutes.
test.setTimeout(300_000);

test('a research form with one invalid field corrected reaches the queue with typed values', async ({
  page,
}) => {
  const queue = await createProjectQueue({
    project: 'test/fixtures/forms/research-project.json',
    items: 'test/fixtures/forms/research-items.jsonl',
  });
  await queue.start();
  const laptop = await startBrowserModeWorkstation(queue.url);
  try {
    await signInAndTake(page, laptop.url, 1);
    await queue.stop(); // offline from here on
    await page.getByRole('list', { name: 'Tasks on this laptop' }).getByRole('button').first().click();

    // The page to research opens outside the app (a new tab in browser mode; the system browser in Electron).
    const link = page.getByRole('link', { name: 'Open the page in your browser' });
    await expect(link).toHaveAttribute('href', 'https://shop.example.tg/boutique-elodie');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await popup.close();

    const submit = page.getByRole('button', { name: /^Submit/ });
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByText('4 fields to complete before you can submit:')).toBeVisible();

    // A web address without its scheme: nothing said while typing, named once the field is left.
    const website = page.getByRole('textbox', { name: 'Shop website' });
    await website.pressSequentially('www.boutique-elodie.example');
    const urlProblem = 'Enter a web address starting with http:// or https://, like https://example.org.';
    await expect(page.getByText(urlProblem)).toHaveCount(0);
    await expect(website).not.toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Tab');
    await expect(website).toHaveAttribute('aria-invalid', 'true');
    await expect(website).toHaveAccessibleDescription(/Enter a web address starting with http/);
    // Corrected as it is typed: the problem goes as soon as the address is right.
    await website.focus();
    await page.keyboard.press('Home');
    await page.keyboard.type('https://');
    await expect(website).toHaveValue('https://www.boutique-elodie.example');
    await expect(website).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(urlProblem)).toHaveCount(0);

    // Enter moves to the next field, as in data-entry tools.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Phone' })).toBeFocused();
    await page.keyboard.type('+228 90 12 34 56');
    // Submitting too early names what is missing and goes there (the email may stay empty).
    await page.keyboard.press('Control+Enter');
    const city = page.getByRole('textbox', { name: 'City' });
    await expect(city).toBeFocused();
    await expect(city).toHaveAccessibleDescription('Fill in this field.');
    await expect(page.getByRole('radiogroup', { name: 'Kind of shop' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await page.keyboard.type('Lomé');
    await expect(city).not.toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2019');
    // Choices with the keyboard: Tab into the group, Space to choose.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: 'Grocery' })).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Delivery
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Mobile money
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Open on Sundays
    await expect(page.getByRole('checkbox', { name: 'Open on Sundays' })).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Très bien notée 👍🏽 sur le marché');
    // Undo takes the typing back (one step per burst), redo brings it again.
    const notes = page.getByRole('textbox', { name: 'Notes' });
    await page.keyboard.press('Control+z');
    await expect(notes).toHaveValue('');
    await page.keyboard.press('Control+Shift+z');
    await expect(notes).toHaveValue('Très bien notée 👍🏽 sur le marché');

    await expect(submit).not.toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByText('Ready: press Ctrl+Enter or Submit.')).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Well done!')).toBeVisible();

    await queue.start();
    await syncUntilSent(page);
    const results = await queue.results();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ externalId: 'shop-001', status: 'accepted' });
    expect(results[0]?.answer).toEqual({
      values: {
        website: 'https://www.boutique-elodie.example',
        phone: '+228 90 12 34 56',
        email: null,
        city: 'Lomé',
        founded: 2019,
        category: 'grocery',
        services: ['delivery', 'mobile_money'],
        open_sunday: true,
        notes: 'Très bien notée 👍🏽 sur le marché',
      },
    });
  } finally {
    await laptop.stop();
    await queue.stop();
  }
});
