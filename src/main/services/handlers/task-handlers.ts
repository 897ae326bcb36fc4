import type { BridgeHandlers } from '../../../shared/bridge/contract';
import { BridgeError } from '../../../shared/bridge/errors';
import { describeProblems, idSchema } from '../../../shared/domain/common';
import { checkAnswer } from '../../../shared/domain/task-kinds';
import { bridgeErrorFromQueue } from '../bridge-errors';
import { leasedTaskOf, summaryOf, toDetail, toSummary } from '../inbox';
import type { TaskRow } from '../profile/profile-schema';
import type { ProfileStore } from '../profile/profile-store';
import { takeBatch } from '../sync/batch-take';
import type { WorkstationContext } from './context';

type TaskHandlers = Pick<
  BridgeHandlers,
  | 'tasks.list'
  | 'tasks.open'
  | 'tasks.saveDraft'
  | 'tasks.submit'
  | 'tasks.resume'
  | 'tasks.leave'
  | 'batch.take'
>;

/**
 * Drafts are autosaved often, so anything larger is a bug in an editor rather than work to keep;
 * an image with thousands of polygons (the largest real draft, with its undo history) stays far below.
 */
export const MAX_DRAFT_BYTES = 16 * 1024 * 1024;

function requireTask(store: ProfileStore, taskId: string): TaskRow {
  const row = store.getTask(taskId);
  if (!row) throw new BridgeError('not_found', `no task ${taskId} on this laptop`, 'taskId');
  return row;
}

function requireOpen(row: TaskRow): void {
  if (row.state !== 'todo' && row.state !== 'draft') {
    throw new BridgeError('task_closed', `task ${row.taskId} is ${row.state}: it can no longer be changed`);
  }
}

export function taskHandlers(context: WorkstationContext): TaskHandlers {
  const { sessions, emit } = context;

  return {
    'tasks.list': async () => sessions.require().store.inbox().map(summaryOf),

    'tasks.open': async ({ taskId }) => {
      const { store } = sessions.require();
      requireTask(store, taskId);
      store.markOpened(taskId);
      store.setOpenTask(taskId);
      const row = requireTask(store, taskId);
      const listed = store.inboxRecord(taskId);
      const detail = toDetail(row);
      return listed ? { ...detail, summary: summaryOf(listed) } : detail;
    },

    // The hot path (every edit, within 500 ms): no task is parsed, and the inbox hears of it only
    // when the task first becomes a draft.
    'tasks.saveDraft': async ({ taskId, draft }) => {
      const { store } = sessions.require();
      const json = JSON.stringify(draft ?? null);
      // A UTF-8 character is at most 3 bytes per UTF-16 unit: measure only when it could matter.
      if (json.length * 3 >= MAX_DRAFT_BYTES && Buffer.byteLength(json, 'utf8') >= MAX_DRAFT_BYTES) {
        throw new BridgeError(
          'invalid_input',
          `the draft is ${Buffer.byteLength(json, 'utf8')} bytes of JSON; drafts must stay under ${MAX_DRAFT_BYTES}`,
          'draft',
        );
      }
      const { savedAt, firstDraft } = store.saveDraft(taskId, json);
      if (firstDraft) emit('tasks.changed', { taskIds: [taskId] });
      return { savedAt };
    },

    'tasks.submit': async ({ taskId, answer }) => {
      const { store, engine } = sessions.require();
      const row = requireTask(store, taskId);
      requireOpen(row);
      const task = leasedTaskOf(row);
      const checked = checkAnswer(task.kind, task.config, task.data, answer);
      if (!checked.ok) {
        const field = checked.problems[0]?.field;
        throw new BridgeError('invalid_answer', describeProblems(checked.problems), field || undefined);
      }
      const submitted = store.submit(taskId, checked.answer);
      emit('tasks.changed', { taskIds: [taskId] });
      // Do not wait for the network: the answer is safe in the outbox already.
      engine.poke();
      return toSummary(submitted);
    },

    'tasks.resume': async () => {
      const { store } = sessions.require();
      const taskId = store.openTaskId();
      const row = taskId === null ? null : store.getTask(taskId);
      return { taskId: row && (row.state === 'todo' || row.state === 'draft') ? row.taskId : null };
    },

    'tasks.leave': async ({ taskId }) => {
      const { store } = sessions.require();
      if (store.openTaskId() === taskId) store.setOpenTask(null);
      return null;
    },

    // Held exclusively so a sign-out waits for a batch on its way instead of losing its leases.
    'batch.take': ({ count, projectId }) =>
      sessions.exclusive(async () => {
        const active = sessions.require();
        if (projectId !== undefined && !idSchema.safeParse(projectId).success) {
          throw new BridgeError('invalid_input', `projectId "${projectId}" is not a project id`, 'projectId');
        }
        let taskIds: string[];
        try {
          taskIds = await takeBatch(active.store, active.client, { count, projectId });
        } catch (error) {
          const failure = bridgeErrorFromQueue(error, 'taking a batch');
          // The queue refused the token: the app now asks for an online sign-in (nothing is lost).
          if (failure instanceof BridgeError && failure.code === 'session_expired') {
            sessions.authChanged(active, false);
          }
          throw failure;
        }
        sessions.authChanged(active, true);
        if (taskIds.length > 0) emit('tasks.changed', { taskIds });
        // The media of the new tasks start downloading at once, with progress in the sync status.
        if (taskIds.length > 0) active.engine.downloadNow();
        const tasks = taskIds.map((id) => {
          const record = active.store.inboxRecord(id);
          return record ? summaryOf(record) : toSummary(requireTask(active.store, id));
        });
        return { taken: tasks.length, tasks };
      }),
  };
}
