import type { MediaRef } from '../../shared/domain/media';
import type { TaskKind } from '../../shared/domain/task-kinds';
import { aggregateAnswers } from '../../shared/scoring/consensus';
import type { AnsweredItem } from '../review/consensus';

export type ExportProject = { id: string; name: string; kind: TaskKind; config: unknown };
export type ExportContext = { project: ExportProject; items: AnsweredItem[] };

/** The one answer an item contributes to a single-annotation format: its answer, or the consensus of several. */
export function finalAnswer(kind: TaskKind, item: AnsweredItem): unknown {
  if (item.answers.length === 1) return item.answers[0]?.answer;
  return (
    aggregateAnswers(
      kind,
      item.answers.map((entry) => entry.answer),
      item.data,
    )?.answer ?? null
  );
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
  'application/json': 'json',
};

/** The file name a media field had at import (`photos/cat.png`), else `<sha256>.<ext>`. */
export function mediaFileName(item: AnsweredItem, field: string, ref: MediaRef): string {
  return item.mediaNames?.[field] ?? `${ref.sha256}.${EXTENSIONS[ref.mime] ?? 'bin'}`;
}

/** `photos/cat.png` → `photos/cat` (for label files beside images). */
export function stemOf(fileName: string): string {
  return fileName.replace(/\.[^./]*$/, '');
}

export const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] as string,
  );
