import type { FocusKind } from '../editor/text/moderation-keys';

/** Marks the part of a screen where Enter means "submit" (the decision form). */
export const DECISION_ZONE_ATTRIBUTE = 'data-decision-zone';

const NOT_TYPING_INPUTS = new Set([
  'radio',
  'checkbox',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** Where a key press lands, as the shortcut mappings need to know it. */
export function focusKindOf(target: EventTarget | null): FocusKind {
  if (!(target instanceof Element)) return 'none';
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return 'typing';
  if (target instanceof HTMLInputElement && !NOT_TYPING_INPUTS.has(target.type)) return 'typing';
  if (target instanceof HTMLElement && target.isContentEditable) return 'typing';
  if (target.closest(`[${DECISION_ZONE_ATTRIBUTE}]`)) return 'decision';
  if (target.closest('button, a[href], summary, input, [role="button"]')) return 'control';
  return 'none';
}
