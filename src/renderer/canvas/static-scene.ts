import type { Shape } from '../editor/image/doc';
import type { ImageEditorState } from '../editor/image/image-editor';
import { encodeStyle, STYLE_SKIP } from './raster-protocol';
import type { StaticScene } from './scene-renderer';

export type StaticLook = { color: string; dashed?: boolean; fill?: boolean } | null;

/**
 * Encodes how each shape is drawn (a colour from a small palette and a few flags, one number per
 * shape) so the painter gets thousands of looks in one small typed array.
 */
export function staticSceneOf(
  shapes: readonly Shape[],
  look: (shape: Shape, index: number) => StaticLook,
  excluded: string | null = null,
): StaticScene {
  const palette: string[] = [];
  const slots = new Map<string, number>();
  const styles = new Uint16Array(shapes.length);
  shapes.forEach((shape, index) => {
    const style = look(shape, index);
    if (!style) {
      styles[index] = STYLE_SKIP;
      return;
    }
    let slot = slots.get(style.color);
    if (slot === undefined) {
      slot = palette.length;
      palette.push(style.color);
      slots.set(style.color, slot);
    }
    styles[index] = encodeStyle(slot, { dashed: style.dashed ?? false, fill: style.fill ?? false });
  });
  return { shapes, styles, palette, excluded };
}

/** True when the static layer shows something else now: a shape other than the selected one changed. */
export function staticChanged(before: ImageEditorState, after: ImageEditorState): boolean {
  if (
    before.selectedId !== after.selectedId ||
    before.hiddenShapes !== after.hiddenShapes ||
    before.lockedShapes !== after.lockedShapes ||
    before.hiddenLabels !== after.hiddenLabels ||
    before.lockedLabels !== after.lockedLabels
  )
    return true;
  const a = before.editor.doc.shapes;
  const b = after.editor.doc.shapes;
  if (a === b) return false;
  if (a.length !== b.length) return true;
  const selected = after.selectedId;
  for (let i = 0; i < a.length; i += 1) {
    const shape = b[i]!;
    if (a[i] !== shape && shape.id !== selected) return true;
  }
  return false;
}
