import type { ExportFormatName } from '../../shared/protocol/endpoints';
import type { TaskKind } from '../../shared/domain/task-kinds';
import type { Db } from '../db/db';
import { ApiError, notFound } from '../errors';
import type { BinaryBytes } from '../http/binary';
import { allAnsweredItems } from '../review/consensus';
import { listAllResults } from '../queue/results';
import { toCommonVoice, toWebVtt } from './audio-formats';
import type { ExportContext, ExportProject } from './context';
import { toCoco, toVoc, toYolo } from './image-formats';
import { toLabelStudio } from './label-studio';
import { resultsToCsv, resultsToJsonl } from './results';

/** Which formats suit which kind (CSV, JSONL and Label Studio suit all). */
export const FORMATS_BY_KIND: Record<TaskKind, readonly ExportFormatName[]> = {
  image: ['coco', 'yolo', 'voc', 'label_studio', 'csv', 'jsonl'],
  audio_transcription: ['webvtt', 'common_voice', 'label_studio', 'csv', 'jsonl'],
  audio_recording: ['common_voice', 'label_studio', 'csv', 'jsonl'],
  audio_validation: ['common_voice', 'label_studio', 'csv', 'jsonl'],
  text_moderation: ['csv', 'jsonl', 'label_studio'],
  form: ['csv', 'jsonl', 'label_studio'],
};

const OUTPUT: Record<ExportFormatName, { mime: string; extension: string }> = {
  jsonl: { mime: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  csv: { mime: 'text/csv; charset=utf-8', extension: 'csv' },
  coco: { mime: 'application/json; charset=utf-8', extension: 'coco.json' },
  yolo: { mime: 'application/zip', extension: 'yolo.zip' },
  voc: { mime: 'application/zip', extension: 'voc.zip' },
  webvtt: { mime: 'application/zip', extension: 'vtt.zip' },
  common_voice: { mime: 'text/tab-separated-values; charset=utf-8', extension: 'tsv' },
  label_studio: { mime: 'application/json; charset=utf-8', extension: 'label-studio.json' },
};

/**
 * A project's accepted results as a file in `format`. Answers that count only (accepted, not
 * rejected; a correction replaces its original); honeypots left out. Single-annotation formats
 * (COCO, YOLO, VOC, WebVTT) take the consensus when an item has several answers.
 */
export async function exportProject(
  db: Db,
  projectId: string,
  format: ExportFormatName,
): Promise<BinaryBytes> {
  const [project] = await db.query<ExportProject>(
    'SELECT id, name, kind, config FROM projects WHERE id = $1',
    [projectId],
  );
  if (!project) throw notFound(`no project with id ${projectId}`);
  if (!FORMATS_BY_KIND[project.kind].includes(format)) {
    throw new ApiError(
      400,
      'invalid_input',
      `format: ${format} does not suit a ${project.kind} project; use ${FORMATS_BY_KIND[project.kind].join(', ')}`,
      { field: 'format' },
    );
  }
  const body = await render(db, project, format);
  const slug =
    project.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'project';
  return { kind: 'bytes', mime: OUTPUT[format].mime, body, filename: `${slug}.${OUTPUT[format].extension}` };
}

async function render(db: Db, project: ExportProject, format: ExportFormatName): Promise<Buffer> {
  if (format === 'csv' || format === 'jsonl') {
    const results = await listAllResults(db, project.id, true);
    return Buffer.from(format === 'csv' ? resultsToCsv(results) : resultsToJsonl(results), 'utf8');
  }
  const context: ExportContext = { project, items: await allAnsweredItems(db, project.id) };
  switch (format) {
    case 'coco':
      return toCoco(context);
    case 'yolo':
      return toYolo(context);
    case 'voc':
      return toVoc(context);
    case 'webvtt':
      return toWebVtt(context);
    case 'common_voice':
      return toCommonVoice(context);
    case 'label_studio':
      return toLabelStudio(context);
  }
}
