import type { FocusKind } from '../../editor/audio/key-press';
import { focusKindOf } from '../../ui/focus';

/** Marks a segment's transcript field: Tab walks these, and typing there keeps the player keys. */
export const TRANSCRIPT_ATTRIBUTE = 'data-transcript';

export function transcriptFocusOf(target: EventTarget | null): FocusKind | 'transcript' {
  if (target instanceof HTMLElement && target.hasAttribute(TRANSCRIPT_ATTRIBUTE)) return 'transcript';
  return focusKindOf(target);
}

export const transcriptFieldId = (segmentId: string) => `transcript-${segmentId}`;
export const segmentRowId = (segmentId: string) => `segment-${segmentId}`;
