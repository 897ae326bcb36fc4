import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TaskDetail } from '../../../shared/bridge';
import type { LeasedTask } from '../../../shared/domain/task';
import type { TaskKind } from '../../../shared/domain/task-kinds';

/** What every kind's workspace receives: the task as cached on this laptop, typed for its kind. */
export type WorkspaceProps<K extends TaskKind> = {
  detail: TaskDetail;
  task: Extract<LeasedTask, { kind: K }>;
};

type Registry = { [K in TaskKind]?: LazyExoticComponent<ComponentType<WorkspaceProps<K>>> };

/**
 * One workspace per task kind, each loaded only when a task of its kind opens (the image and
 * audio tools are heavy; a HITer doing text moderation never downloads them into memory).
 * Adding a kind: one line here, one folder under features/.
 */
export const workspaces: Registry = {
  text_moderation: lazy(() =>
    import('../text/ModerationWorkspace').then((module) => ({ default: module.ModerationWorkspace })),
  ),
  image: lazy(() => import('../image/ImageWorkspace').then((m) => ({ default: m.ImageWorkspace }))),
  form: lazy(() => import('../form/FormWorkspace').then((module) => ({ default: module.FormWorkspace }))),
  audio_transcription: lazy(() =>
    import('../audio/TranscriptionWorkspace').then((m) => ({ default: m.TranscriptionWorkspace })),
  ),
  audio_recording: lazy(() =>
    import('../audio/RecordingWorkspace').then((m) => ({ default: m.RecordingWorkspace })),
  ),
  audio_validation: lazy(() =>
    import('../audio/ValidationWorkspace').then((m) => ({ default: m.ValidationWorkspace })),
  ),
};

export function workspaceFor<K extends TaskKind>(kind: K): ComponentType<WorkspaceProps<K>> | null {
  return (workspaces[kind] as ComponentType<WorkspaceProps<K>> | undefined) ?? null;
}
