import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { TaskKind } from '../../shared/domain/task-kinds';

/** The kinds whose item is one media file and nothing else required: a bare folder makes their items. */
const FIELD_OF_KIND: Partial<Record<TaskKind, string>> = { image: 'image', audio_transcription: 'audio' };

/** Files taken from a folder (others, such as notes or spreadsheets, are left alone). */
const MEDIA_EXTENSIONS = /\.(png|jpe?g|wav|mp3|ogg|oga|opus|flac|m4a|aac|webm)$/i;

export type FolderManifest = { text: string; files: string[] };

/**
 * A JSONL manifest for a bare media folder: one item per media file (subfolders included, in name
 * order), its id the file's path in the folder, so importing the folder again skips what is in.
 * Files in formats the queue cannot read yet (MP3…) are listed anyway, to be rejected by name.
 */
export async function folderManifest(folder: string, kind: TaskKind): Promise<FolderManifest> {
  const field = FIELD_OF_KIND[kind];
  if (!field) {
    throw new Error(
      `a ${kind} item needs more than a media file: import a JSONL or CSV file (--file) naming the files in --media-dir`,
    );
  }
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && MEDIA_EXTENSIONS.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  const text = files.map((file) => JSON.stringify({ id: file, data: { [field]: file } })).join('\n');
  return { text, files };
}
