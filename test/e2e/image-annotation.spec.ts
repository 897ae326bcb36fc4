/**
 * The image tool, end to end and offline: a HITer takes two photos, the line goes down, she draws
 * a box (with its attributes), a polygon and points, labels them with the keys, classifies the
 * photo, undoes and redoes, reloads the page in the middle (the draft and its undo history come
 * back), submits, copies her shapes onto the next photo, and once the queue is back it holds
 * exactly her geometry, within a pixel.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { HITTER, startBrowserModeWorkstation } from '../helpers/queue-fixture';
import { repoRoot } from '../helpers/processes';
import { createProjectQueue, filesOnLaptop } from './project-queue';

// Two queue starts, a laptop, a reload and a sync on a shared CI machine.
test.setTimeout(300_000);

const IMAGE = { width: 600, height: 400 };
const shots = join(repoRoot, 'test-results/image-annotation');

type At = (x: number, y: number) => { x: number; y: number };

/** Image pixels → page pixels: the canvas fits the image with a 12-pixel margin, centred. */
async function imageToPage(canvas: Locator): Promise<At> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the canvas is not on screen');
  const width = Math.floor(box.width);
  const height = Math.floor(box.height);
  const scale = Math.min((width - 24) / IMAGE.width, (height - 24) / IMAGE.height);
  const left = box.x + (width - IMAGE.width * scale) / 2;
  const top = box.y + (height - IMAGE.height * scale) / 2;
  return (x, y) => ({ x: left + x * scale, y: top + y * scale });
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

async function click(page: Page, point: { x: number; y: number }) {
  await page.mouse.click(point.x, point.y);
}

function expectNear(actual: number, expected: number, what: string) {
  expect(
    Math.abs(actual - expected),
    `${what}: ${actual} is not within a pixel of ${expected}`,
  ).toBeLessThanOrEqual(1);
}

const POLYGON: Array<[number, number]> = [
  [60, 250],
  [200, 175],
  [430, 200],
  [565, 290],
  [430, 385],
  [150, 380],
];
const BEANS: Array<[number, number]> = [
  [520, 60],
  [555, 95],
];

test('boxes, polygons and points drawn offline, reloaded mid-task and submitted reach the queue within a pixel', async ({
  page,
}) => {
  mkdirSync(shots, { recursive: true });
  const queue = await createProjectQueue({
    project: 'test/fixtures/image/project.json',
    items: 'test/fixtures/image/items.jsonl',
    mediaDir: 'test/fixtures/image',
  });
  await queue.start();
  const laptop = await startBrowserModeWorkstation(queue.url);
  try {
    await page.goto(laptop.url);
    await page.getByLabel('Username').fill(HITTER.username);
    await page.getByLabel('Password', { exact: true }).fill(HITTER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('How many tasks?').fill('2');
    await page.getByRole('button', { name: 'Take tasks' }).click();
    await expect(page.getByText('2 tasks taken.')).toBeVisible();
    // The photos come with the batch: once they are on the laptop, the queue is gone.
    await filesOnLaptop(page);
    await queue.stop();
    const tasks = page.getByRole('list', { name: 'Tasks on this laptop' }).getByRole('button');
    await tasks.first().click();

    const canvas = page.getByRole('application', { name: /^Image to annotate/ });
    await expect(canvas).toBeVisible();
    await expect(page.locator('.image-status')).toHaveCount(0); // decoded, not loading or failed
    const shapes = page.getByRole('listbox', { name: 'Shapes on the image' });
    const count = page.locator('#shapes-heading');
    const at = await imageToPage(canvas);

    // A box around the cup, with the tool and label the project starts with (Box, Cup).
    await expect(page.getByRole('button', { name: /^Box/ })).toHaveAttribute('aria-pressed', 'true');
    await drag(page, at(175, 20), at(470, 330));
    await expect(shapes.getByRole('option', { name: /^1\. Cup \(box\)/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.getByRole('checkbox', { name: 'Full' }).check();
    await page.getByRole('combobox', { name: 'Material' }).selectOption('ceramic');

    // The saucer: key 2 chooses its label and, since it is drawn as a polygon, the polygon tool.
    await canvas.focus();
    await page.keyboard.press('2');
    await expect(page.getByRole('button', { name: /^Polygon/ })).toHaveAttribute('aria-pressed', 'true');
    for (const [x, y] of POLYGON) await click(page, at(x, y));
    await expect(page.getByText('6 corners. Click the first one')).toBeVisible();
    await click(page, at(POLYGON[0]![0], POLYGON[0]![1])); // on the first vertex: closed
    await expect(shapes.getByRole('option', { name: /^2\. Saucer \(polygon\)/ })).toBeVisible();

    // Two beans (key 3: points); undo takes the second back, redo puts it again.
    await page.keyboard.press('3');
    for (const [x, y] of BEANS) await click(page, at(x, y));
    await expect(count).toContainText('4 shapes');
    await page.keyboard.press('Control+z');
    await expect(count).toContainText('3 shapes');
    await page.keyboard.press('Control+Shift+z');
    await expect(count).toContainText('4 shapes');

    // Geometry from the keyboard: the cup's box widened by 10 px (Shift+Alt+→), one undo step;
    // the saucer's first vertex picked (E), a vertex inserted after it (Insert) and deleted again.
    const cup = shapes.getByRole('option', { name: /^1\. Cup \(box\)/ });
    const size = async () =>
      (await cup.textContent())
        ?.match(/(\d+) × (\d+) px/)
        ?.slice(1)
        .map(Number);
    await cup.click();
    const [width, height] = (await size()) ?? [];
    await canvas.focus();
    await page.keyboard.press('Shift+Alt+ArrowRight');
    await expect(cup).toContainText(`${width! + 10} × ${height} px`);
    await page.keyboard.press('Control+z');
    await expect(cup).toContainText(`${width} × ${height} px`);
    const saucer = shapes.getByRole('option', { name: /^2\. Saucer \(polygon\)/ });
    await saucer.click();
    await canvas.focus();
    await page.keyboard.press('e');
    await page.keyboard.press('Insert');
    await expect(saucer).toContainText('7 corners');
    await page.keyboard.press('Delete');
    await expect(saucer).toContainText('6 corners');
    await page.keyboard.press('Escape');

    await page.getByRole('radio', { name: 'Coffee' }).check();
    await page.screenshot({ path: join(shots, 'en-annotated.png') });

    // Reload in the middle of the task: the draft is on the laptop, undo history included.
    await page.waitForTimeout(800);
    await expect(page.getByText('Draft saved')).toBeVisible();
    await page.reload();
    // The workstation reopens the task it was on (or, if not, the inbox shows it first in line).
    const inbox = page.getByRole('heading', { level: 1, name: 'Your tasks' });
    await expect(canvas.or(inbox)).toBeVisible();
    // (The inbox may show for a moment before the task reopens: a click that finds no task is fine.)
    if (await inbox.isVisible())
      await tasks
        .first()
        .click({ timeout: 5_000 })
        .catch(() => undefined);
    await expect(canvas).toBeVisible();
    await expect(count).toContainText('4 shapes');
    await expect(page.getByRole('radio', { name: 'Coffee' })).toBeChecked();
    await canvas.focus();
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('radio', { name: 'Coffee' })).not.toBeChecked();
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByRole('radio', { name: 'Coffee' })).toBeChecked();

    // The shortcut sheet, then submit from the keyboard.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.screenshot({ path: join(shots, 'en-shortcuts.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
    await page.keyboard.press('Control+Enter');

    // The next photo: the same cup a moment later. Seen in French, then her shapes copied over.
    await expect(page.getByText('Task 2 of 2')).toBeVisible();
    await expect(page.locator('.image-status')).toHaveCount(0);
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByRole('button', { name: /^Rectangle/ })).toBeVisible();
    await page.getByRole('button', { name: 'Copier les formes de la tâche précédente' }).click();
    await expect(page.getByText('4 formes copiées de la tâche précédente.')).toBeVisible();
    await page.getByRole('radio', { name: 'Thé' }).check();
    await page.screenshot({ path: join(shots, 'fr-copied.png') });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /^Submit/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your tasks' })).toBeVisible();

    // The line comes back.
    await queue.start();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('.sync-status')).toContainText('Everything is sent', { timeout: 30_000 });

    const results = await queue.results();
    expect(results).toHaveLength(2);
    const first = results.find((result) => result.externalId === 'coffee-1');
    const second = results.find((result) => result.externalId === 'coffee-2');
    expect(first?.status).toBe('accepted');
    const answer = first?.answer as {
      shapes: Array<Record<string, unknown> & { type: string; label: string }>;
      classes: string[];
    };
    expect(answer.classes).toEqual(['coffee']);
    expect(answer.shapes.map((shape) => [shape.type, shape.label])).toEqual([
      ['box', 'cup'],
      ['polygon', 'saucer'],
      ['point', 'bean'],
      ['point', 'bean'],
    ]);
    const [box, polygon, ...beans] = answer.shapes as unknown as [
      { x: number; y: number; width: number; height: number; attributes: unknown },
      { points: Array<[number, number]> },
      ...Array<{ x: number; y: number }>,
    ];
    expect(box.attributes).toEqual({ full: true, material: 'ceramic' });
    expectNear(box.x, 175, 'box x');
    expectNear(box.y, 20, 'box y');
    expectNear(box.width, 295, 'box width');
    expectNear(box.height, 310, 'box height');
    expect(polygon.points).toHaveLength(POLYGON.length);
    polygon.points.forEach(([x, y], index) => {
      expectNear(x, POLYGON[index]![0], `polygon vertex ${index} x`);
      expectNear(y, POLYGON[index]![1], `polygon vertex ${index} y`);
    });
    beans.forEach((bean, index) => {
      expectNear(bean.x, BEANS[index]![0], `bean ${index} x`);
      expectNear(bean.y, BEANS[index]![1], `bean ${index} y`);
    });

    // The next photo got the same shapes (new ids) and its own class.
    const copied = second?.answer as { shapes: Array<{ id: string; type: string }>; classes: string[] };
    expect(copied.classes).toEqual(['tea']);
    expect(copied.shapes.map((shape) => shape.type)).toEqual(['box', 'polygon', 'point', 'point']);
    const ids = new Set(answer.shapes.map((shape) => shape.id));
    expect(copied.shapes.some((shape) => ids.has(shape.id))).toBe(false);
  } finally {
    await laptop.stop();
    await queue.stop();
  }
});
