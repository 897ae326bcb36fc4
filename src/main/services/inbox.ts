import type { TaskDetail, TaskState, TaskSummary } from '../../shared/bridge/contract';
import type { TaskKind } from '../../shared/domain/task-kinds';
import { leasedTaskSchema, type LeasedTask } from '../../shared/domain/task';
import type { TaskRow } from './profile/profile-schema';
import type { InboxRecord } from './profile/profile-inbox';
import { reasonFields } from './sync/server-reason';

export const PREVIEW_LENGTH = 140;

/** A one-line excerpt: whitespace collapsed, cut on a word near the limit, with an ellipsis. */
export function previewText(text: string, limit = PREVIEW_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit * 0.7 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** What best recognises a task in a list, whatever its kind (language-neutral: no labels here). */
export function previewOf(task: LeasedTask): string {
  switch (task.kind) {
    case 'text_moderation':
      return previewText(task.data.title ? `${task.data.title} — ${task.data.text}` : task.data.text);
    case 'image':
      return previewText(task.data.caption ?? `${task.data.image.width} × ${task.data.image.height} px`);
    case 'audio_transcription':
      return previewText(task.data.context ?? formatDuration(task.data.audio.durationMs));
    case 'audio_recording':
      return previewText(task.data.prompts.map((prompt) => prompt.text).join(' · '));
    case 'audio_validation':
      return previewText(task.data.sentence);
    case 'form':
      return previewText(task.data.context.url ?? task.data.context.text ?? '');
  }
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The cached task, validated: a row that no longer parses is reported, never silently dropped. */
export function leasedTaskOf(row: TaskRow): LeasedTask {
  const parsed = leasedTaskSchema.safeParse(row.task);
  if (!parsed.success) {
    throw new Error(
      `cached task ${row.taskId} does not match this app's task format: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/** The stored preview, or (for tasks cached before previews were stored) one cut from the task. */
export function previewOfRow(preview: string | null, taskJson: string): string {
  if (preview !== null) return preview;
  const parsed = leasedTaskSchema.safeParse(safeJson(taskJson));
  return parsed.success ? previewOf(parsed.data) : '';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function toSummary(row: TaskRow): TaskSummary {
  const task = leasedTaskOf(row);
  return {
    taskId: row.taskId,
    kind: task.kind,
    projectName: row.projectName,
    state: row.state,
    preview: row.preview ?? previewOf(task),
    updatedAt: row.updatedAt,
    leaseExpiresAt: row.leaseExpiresAt,
    ...reasonFields(row.serverMessage, row.state),
    ...(row.leaseLost ? { leaseLost: true } : {}),
  };
}

/** One inbox line from its columns alone: no task JSON is parsed on the hot path. */
export function summaryOf(record: InboxRecord): TaskSummary {
  const open = record.state === 'todo' || record.state === 'draft';
  return {
    taskId: record.task_id,
    kind: record.kind as TaskKind,
    projectName: record.project_name,
    state: record.state,
    preview: record.preview ?? '',
    updatedAt: record.updated_at,
    leaseExpiresAt: record.lease_expires_at,
    ...reasonFields(record.server_message, record.state),
    ...(open && record.media_files > 0
      ? {
          media: {
            files: record.media_files,
            ready: record.media_files - record.media_missing,
            bytes: record.media_bytes,
            readyBytes: record.media_ready_bytes,
          },
        }
      : {}),
    ...(record.lease_lost === 1 ? { leaseLost: true } : {}),
  };
}

export function toDetail(row: TaskRow): TaskDetail {
  return { summary: toSummary(row), task: leasedTaskOf(row), draft: row.draft, answer: row.answer };
}

const GROUP: Record<TaskState, number> = {
  todo: 0,
  draft: 0,
  pending: 1,
  accepted: 2,
  superseded: 2,
  refused: 2,
};

/**
 * The inbox order: work still to do first, in the order it was leased; then answers waiting for
 * the network, in the order they will be sent; then everything settled, newest first.
 */
export function compareInbox(a: TaskRow, b: TaskRow): number {
  const group = GROUP[a.state] - GROUP[b.state];
  if (group !== 0) return group;
  if (GROUP[a.state] === 0) return a.leaseOrder - b.leaseOrder || a.taskId.localeCompare(b.taskId);
  if (a.state === 'pending') return byText(a.updatedAt, b.updatedAt) || a.leaseOrder - b.leaseOrder;
  return byText(b.updatedAt, a.updatedAt) || a.taskId.localeCompare(b.taskId);
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function inboxOf(rows: readonly TaskRow[]): TaskSummary[] {
  return [...rows].sort(compareInbox).map(toSummary);
}
