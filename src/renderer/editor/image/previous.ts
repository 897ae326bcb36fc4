import type { TaskSummary } from '../../../shared/bridge';
import type { ImageConfig } from '../../../shared/domain/kinds/image';
import { labelOf, readImageDoc, type Shape } from './doc';
import { clamp, intersectRects, round2, type Size } from './geometry';
import { relabelShape } from './shape-ops';

/**
 * "Copy the previous task's shapes": consecutive frames or product photos often carry the same
 * objects, and redrawing them costs a HITer time she is not paid for.
 */

/** The task to copy from: the one before this in the run, else the latest other image task of the project. */
export function previousTaskId(
  run: readonly string[],
  tasks: readonly TaskSummary[],
  current: TaskSummary,
): string | null {
  const at = run.indexOf(current.taskId);
  if (at > 0) return run[at - 1]!;
  const candidates = tasks
    .filter(
      (task) =>
        task.taskId !== current.taskId &&
        task.kind === 'image' &&
        task.projectName === current.projectName &&
        task.state !== 'todo',
    )
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return candidates[0]?.taskId ?? null;
}

/** Reads shapes from a stored answer or a draft (bare document or envelope). */
export function shapesOfStored(stored: unknown): Shape[] {
  const inner =
    typeof stored === 'object' && stored !== null && (stored as { v?: unknown }).v === 1 && 'doc' in stored
      ? (stored as { doc: unknown }).doc
      : stored;
  return readImageDoc(inner)?.shapes ?? [];
}

/**
 * The shapes fit for this task: labels this project has and allows for that kind of shape,
 * attributes it knows, geometry brought inside this image (shapes left too small are dropped),
 * each with a fresh id.
 */
export function shapesToCopy(
  source: readonly Shape[],
  config: ImageConfig,
  image: Size,
  newId: () => string,
): Shape[] {
  const out: Shape[] = [];
  for (const shape of source) {
    const label = labelOf(config, shape.label);
    if (!label || !label.shapes.includes(shape.type)) continue;
    // Relabelling onto the same label through a neutral copy keeps only attributes it knows.
    const cleaned = relabelShape({ ...shape, label: '' }, label);
    const fitted = fitInside(cleaned, image, config.minBoxSize);
    if (fitted) out.push({ ...fitted, id: newId() });
  }
  return out;
}

function fitInside(shape: Shape, image: Size, minBoxSize: number): Shape | null {
  switch (shape.type) {
    case 'box': {
      const inside = intersectRects(shape, { x: 0, y: 0, ...image });
      if (!inside || inside.width < minBoxSize || inside.height < minBoxSize) return null;
      return {
        ...shape,
        x: round2(inside.x),
        y: round2(inside.y),
        width: round2(inside.width),
        height: round2(inside.height),
      };
    }
    case 'point':
      return shape.x >= 0 && shape.y >= 0 && shape.x <= image.width && shape.y <= image.height ? shape : null;
    case 'polygon':
      return {
        ...shape,
        points: shape.points.map(
          ([x, y]) => [clamp(x, 0, image.width), clamp(y, 0, image.height)] as [number, number],
        ),
      };
  }
}
