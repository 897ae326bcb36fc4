import type { FocusKind } from '../../editor/audio/key-press';
import { focusKindOf } from '../../ui/focus';

/** Marks a segment's transcript field: Tab walks these, and typing there keeps the player keys. */
export const TRANSCRIPT_ATTRIBUTE = 'data-transcript';

export function transcriptFocusOf(target: EventTarget | null): FocusKind | 'transcript' {
  if (target instanceof HTMLElement && target.hasAttribute(TRANSCRIPT_ATTRIBUTE)) return 'transcript';
  return focusKindOf(target);
}

const TRANSCRIPT_ID_PREFIX = 'transcript-';
export const transcriptFieldId = (segmentId: string) => `${TRANSCRIPT_ID_PREFIX}${segmentId}`;

/** The segment whose transcript field `element` is (the one focused, say), or null. */
export function segmentOfTranscriptField(element: Element | null): string | null {
  if (!(element instanceof HTMLElement) || !element.hasAttribute(TRANSCRIPT_ATTRIBUTE)) return null;
  return element.id.startsWith(TRANSCRIPT_ID_PREFIX) ? element.id.slice(TRANSCRIPT_ID_PREFIX.length) : null;
}
export const segmentRowId = (segmentId: string) => `segment-${segmentId}`;
