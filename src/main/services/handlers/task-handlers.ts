import type { BridgeHandlers } from '../../../shared/bridge/contract';
import { BridgeError } from '../../../shared/bridge/errors';
import { describeProblems, idSchema } from '../../../shared/domain/common';
import { checkAnswer } from '../../../shared/domain/task-kinds';
import { bridgeErrorFromQueue } from '../bridge-errors';
import { inboxOf, leasedTaskOf, toDetail, toSummary } from '../inbox';
import type { TaskRow } from '../profile/profile-schema';
import type { ProfileStore } from '../profile/profile-store';
import type { WorkstationContext } from './context';

type TaskHandlers = Pick<
  BridgeHandlers,
  'tasks.list' | 'tasks.open' | 'tasks.saveDraft' | 'tasks.submit' | 'batch.take' | 'sync.status' | 'sync.now'
>;

/** Drafts are autosaved often; anything this large is a bug in the editor, not work to keep. */
export const MAX_DRAFT_BYTES = 1024 * 1024;

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
    'tasks.list': async () => inboxOf(sessions.require().store.listTasks()),

    'tasks.open': async ({ taskId }) => {
      const { store } = sessions.require();
      requireTask(store, taskId);
      store.markOpened(taskId);
      return toDetail(requireTask(store, taskId));
    },

    'tasks.saveDraft': async ({ taskId, draft }) => {
      const { store } = sessions.require();
      requireOpen(requireTask(store, taskId));
      const json = JSON.stringify(draft ?? null);
      const bytes = Buffer.byteLength(json, 'utf8');
      if (bytes >= MAX_DRAFT_BYTES) {
        throw new BridgeError(
          'invalid_input',
          `the draft is ${bytes} bytes of JSON; drafts must stay under ${MAX_DRAFT_BYTES}`,
          'draft',
        );
      }
      const savedAt = store.saveDraft(taskId, json);
      emit('tasks.changed', { taskIds: [taskId] });
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

    // Held exclusively so a sign-out waits for a batch on its way instead of losing its leases.
    'batch.take': ({ count, projectId }) =>
      sessions.exclusive(async () => {
        const active = sessions.require();
        if (projectId !== undefined && !idSchema.safeParse(projectId).success) {
          throw new BridgeError('invalid_input', `projectId "${projectId}" is not a project id`, 'projectId');
        }
        let leased;
        try {
          leased = await active.client.call('leaseTasks', {
            body: projectId === undefined ? { count } : { count, projectId },
          });
        } catch (error) {
          throw bridgeErrorFromQueue(error, 'taking a batch');
        }
        const taskIds = active.store.storeLeasedTasks(leased.tasks);
        if (taskIds.length > 0) emit('tasks.changed', { taskIds });
        const tasks = taskIds.map((id) => toSummary(requireTask(active.store, id)));
        return { taken: tasks.length, tasks };
      }),

    'sync.status': async () => sessions.require().engine.status(),

    'sync.now': async () => sessions.require().engine.syncNow(),
  };
}
