import { instructionImages } from '../../../shared/domain/instructions';
import { sha256Schema } from '../../../shared/domain/media';

/** What the workstation knows of a file before it has it: the size and type its reference gives. */
export type MediaNeed = { sha256: string; mime: string | null; bytes: number | null };
type Rendition = { sha256?: unknown; bytes?: unknown };

/**
 * Every media file a value refers to, with the size and type each reference gives (the same walk as
 * `mediaOf` in the shared domain, which only collects the hashes). Thumbnails, display renditions
 * and waveform peaks are files of their own: peaks are JSON, a rendition's type is learnt when it is
 * downloaded.
 */
export function mediaNeedsOf(
  value: unknown,
  found: Map<string, MediaNeed> = new Map(),
): Map<string, MediaNeed> {
  if (Array.isArray(value)) {
    for (const entry of value) mediaNeedsOf(entry, found);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (
      typeof record.sha256 === 'string' &&
      typeof record.mime === 'string' &&
      typeof record.bytes === 'number'
    ) {
      add(found, record.sha256, record.mime, record.bytes);
      for (const rendition of [record.thumbnail, record.display] as Array<Rendition | undefined>) {
        if (rendition) add(found, rendition.sha256, null, rendition.bytes);
      }
      const peaks = record.peaks as { sha256?: unknown; bytes?: unknown } | undefined;
      if (peaks) add(found, peaks.sha256, 'application/json', peaks.bytes);
    } else {
      for (const entry of Object.values(record)) mediaNeedsOf(entry, found);
    }
  }
  return found;
}

function add(found: Map<string, MediaNeed>, sha256: unknown, mime: string | null, bytes: unknown): void {
  if (typeof sha256 !== 'string' || !sha256Schema.safeParse(sha256).success) return;
  const size = typeof bytes === 'number' && Number.isInteger(bytes) && bytes >= 0 ? bytes : null;
  const known = found.get(sha256);
  found.set(sha256, { sha256, mime: known?.mime ?? mime, bytes: known?.bytes ?? size });
}

/** Example images the instructions show (shared/domain/instructions.ts): downloaded with the batch like the rest. */
export function instructionMedia(markdown: string): MediaNeed[] {
  return instructionImages(markdown).map((sha256) => ({ sha256, mime: null, bytes: null }));
}
