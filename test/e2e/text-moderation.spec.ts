/**
 * Text moderation in depth, end to end and offline: five reviews decided in list mode (J/K, A/R/E,
 * the reason picker, a note, undo), passages labelled and masked in a review with emoji, a flag and
 * accents (mouse and keyboard), an Arabic review escalated; the queue receives exactly the expected
 * decisions, code-point spans and redacted texts.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/processes';
import { startBrowserModeWorkstation } from '../helpers/queue-fixture';
import { createProjectQueue, signInAndTake, syncUntilSent } from './project-queue';

const MASK = '█';
const texts = new Map(
  readFileSync(join(repoRoot, 'test/fixtures/moderation/reviews.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; data: { text: string } })
    .map((line) => [line.id, line.data.text]),
);

/** A span as the queue must store it: offsets in code points, found independently of the app. */
function span(id: string, part: string, label: string) {
  const text = texts.get(id)!;
  const start = Array.from(text.slice(0, text.indexOf(part))).length;
  return { start, end: start + Array.from(part).length, label, text: part };
}
function masked(id: string, parts: string[]) {
  let text = texts.get(id)!;
  for (const part of parts)
    text = text.replace(part, Array.from(part, (c) => (/\s/u.test(c) ? c : MASK)).join(''));
  return text;
}

/** Drags the mouse across `part` of the text, as a HITer selects a passage. */
async function dragOver(page: Page, text: Locator, part: string) {
  const box = await text.evaluate((element, wanted) => {
    const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT (the test files are typed without the DOM library)
    const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
    const full = element.textContent ?? '';
    const at = full.indexOf(wanted);
    let seen = 0;
    const point = (offset: number, side: 'start' | 'end') => {
      walker.currentNode = element;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (offset < seen + length || (side === 'end' && offset === seen + length)) {
          const range = element.ownerDocument.createRange();
          const local = offset - seen;
          range.setStart(node, side === 'start' ? local : local - 1);
          range.setEnd(node, side === 'start' ? local + 1 : local);
          const rect = range.getBoundingClientRect();
          return { x: side === 'start' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
        }
        seen += length;
      }
      throw new Error(`offset ${offset} not found`);
    };
    const from = point(at, 'start');
    seen = 0;
    const to = point(at + wanted.length, 'end');
    return { from, to };
  }, part);
  await page.mouse.move(box.from.x, box.from.y);
  await page.mouse.down();
  await page.mouse.move(box.to.x, box.to.y, { steps: 5 });
  await page.mouse.up();
}

// Two queue starts, a laptop, seven reviews and a sync: a busy CI machine needs more than two minutes.
test.setTimeout(300_000);

test('reviews moderated in depth offline reach the queue exactly as decided and masked', async ({ page }) => {
  const queue = await createProjectQueue({
    project: 'test/fixtures/moderation/project.json',
    items: 'test/fixtures/moderation/reviews.jsonl',
  });
  await queue.start();
  const laptop = await startBrowserModeWorkstation(queue.url);
  try {
    await signInAndTake(page, laptop.url, 7);
    await queue.stop(); // the line goes down: everything below happens offline

    await page.getByRole('list', { name: 'Tasks on this laptop' }).getByRole('button').first().click();
    await expect(page.getByText('Task 1 of 7')).toBeVisible();

    // ---- List mode: five short reviews with single keys.
    await page.keyboard.press('l');
    const rows = page.getByRole('list', { name: 'Reviews to decide' }).getByRole('article');
    await expect(rows).toHaveCount(7);
    const row = (n: number) => rows.nth(n - 1);
    await expect(page.getByRole('heading', { name: 'Review 1 of 7' })).toBeVisible();
    await page.keyboard.press('a');
    await expect(row(1)).toContainText('Approved');
    // R opens the reason picker; arrows and Enter choose.
    await page.keyboard.press('r');
    const picker = page.getByRole('listbox', { name: /Why reject it/ });
    await expect(picker).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(picker.getByRole('option', { selected: true })).toHaveText(/Spam or advertising/);
    await page.keyboard.press('Enter');
    await expect(row(2)).toContainText('Rejected — Spam or advertising');
    // A slip (E on review 3), undone with Ctrl+Z; K goes back up, A decides.
    await page.keyboard.press('e');
    await expect(row(3)).toContainText('Escalated');
    await page.keyboard.press('Control+z');
    await expect(row(3)).toContainText('Not decided yet');
    await page.keyboard.press('k');
    await expect(page.getByRole('heading', { name: 'Review 3 of 7' })).toBeVisible();
    await page.keyboard.press('a');
    // A digit rejects for that reason at once (by physical key: AZERTY's unshifted row works).
    await page.keyboard.press('Digit1');
    await expect(row(4)).toContainText('Rejected — Insult or threat');
    // Review 5 is a question: escalate, with a note for the supervisor.
    await page.keyboard.press('e');
    await page.keyboard.press('k');
    await page.keyboard.press('n');
    await page.keyboard.type('A question, not a review');
    await page.keyboard.press('Enter');
    await expect(row(5)).toContainText('Escalated to a supervisor');
    await expect(row(5)).toContainText('Note: A question, not a review');
    await expect(page.getByText('5 ready to send · 7 not sent yet')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByText('5 reviews sent. 2 still to decide.')).toBeVisible();
    await expect(row(1)).toContainText('Waiting to be sent');
    await expect(page.getByRole('heading', { name: 'Review 6 of 7' })).toBeVisible();

    // ---- One review on its own: spans with the mouse and with the keyboard, masked for the client.
    await page.keyboard.press('o');
    const text = page.getByRole('textbox', { name: 'Text to moderate' });
    await expect(text).toContainText('Appelez Élodie');
    await dragOver(page, text, '06 12 34 56 78');
    await expect(page.getByText('Selected: “06 12 34 56 78”.')).toBeVisible();
    await page.keyboard.press('Digit1');
    // Keyboard: seven words back lands on "Élodie", Ctrl+Shift+→ selects it, 1 marks it.
    for (let i = 0; i < 7; i += 1) await page.keyboard.press('Control+ArrowLeft');
    // The caret is drawn, not native: a screen reader is told where it is.
    await expect(page.locator('.span-text + [role="status"]')).toHaveText(/^Élodie, character \d+ of \d+$/);
    await page.keyboard.press('Control+Shift+ArrowRight');
    await expect(page.getByText('Selected: “Élodie”.')).toBeVisible();
    await page.keyboard.press('Digit1');
    // A wrong mark (Insult on the first word), undone.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Digit2');
    await expect(page.getByRole('heading', { name: '3 marked passages' })).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('heading', { name: '2 marked passages' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'What the client receives' })).toContainText(
      `Appelez ${MASK.repeat(6)} au ${MASK}${MASK} ${MASK}${MASK} `,
    );

    // The draft, undo history included, survives a reload (the app reopens the task it was on).
    await expect(page.getByText('Draft saved')).toBeVisible();
    await page.reload();
    await expect(text).toContainText('Appelez Élodie');
    await expect(page.getByRole('heading', { name: '2 marked passages' })).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('heading', { name: '1 marked passage' })).toBeVisible();
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByRole('heading', { name: '2 marked passages' })).toBeVisible();
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');

    // ---- The Arabic review, right to left: ← moves towards the end of the text. Five words on,
    // three more selected (the space before is left out), 1 marks the phone number.
    await expect(text).toContainText('اتصلوا');
    await text.focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Control+ArrowLeft');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Control+Shift+ArrowLeft');
    await expect(page.getByText('Selected: “0123 456 789”.')).toBeVisible();
    await page.keyboard.press('Digit1');
    await page.keyboard.press('e');
    await page.getByLabel('Note for the supervisor').fill('Is this the hotel’s own number?');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Well done!')).toBeVisible();

    // ---- The line comes back: everything reaches the queue once, exactly as decided.
    await queue.start();
    await syncUntilSent(page);
    const results = await queue.results();
    expect(results).toHaveLength(7);
    const byId = new Map(results.map((result) => [result.externalId, result]));
    const plain = (id: string) => ({ spans: [], redactedText: texts.get(id) });
    expect(results.every((result) => result.status === 'accepted')).toBe(true);
    expect(byId.get('deep-001')?.answer).toEqual({ decision: 'approve', ...plain('deep-001') });
    expect(byId.get('deep-002')?.answer).toEqual({
      decision: 'reject',
      reason: 'spam',
      ...plain('deep-002'),
    });
    expect(byId.get('deep-003')?.answer).toEqual({ decision: 'approve', ...plain('deep-003') });
    expect(byId.get('deep-004')?.answer).toEqual({
      decision: 'reject',
      reason: 'insult',
      ...plain('deep-004'),
    });
    expect(byId.get('deep-005')?.answer).toEqual({
      decision: 'escalate',
      note: 'A question, not a review',
      ...plain('deep-005'),
    });
    expect(byId.get('deep-006')?.answer).toEqual({
      decision: 'approve',
      spans: [
        span('deep-006', 'Élodie', 'personal_data'),
        span('deep-006', '06 12 34 56 78', 'personal_data'),
      ],
      redactedText: masked('deep-006', ['Élodie', '06 12 34 56 78']),
    });
    expect(byId.get('deep-007')?.answer).toEqual({
      decision: 'escalate',
      note: 'Is this the hotel’s own number?',
      spans: [span('deep-007', '0123 456 789', 'personal_data')],
      redactedText: masked('deep-007', ['0123 456 789']),
    });
  } finally {
    await laptop.stop();
    await queue.stop();
  }
});
