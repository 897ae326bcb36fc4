import { randomUUID } from 'node:crypto';
import type { ProfileStore } from '../profile/profile-store';
import { QueueError, type QueueClient } from '../queue-client';

/** A batch asked for whose answer has not arrived: kept so that a lost answer is asked for again. */
type PendingTake = { requestKey: string; count: number; projectId?: string };

const PENDING_TAKE = 'pendingTake';

/**
 * Takes a batch under a request key kept in the profile until its tasks are stored. When the
 * answer is lost on the way (the line cut after the queue leased the tasks), the same key asked
 * again — by the HITer pressing "Take" again, or by the next sync pass — brings back the same
 * tasks instead of leaving them leased to nobody until their leases run out.
 */
export async function takeBatch(
  store: ProfileStore,
  client: QueueClient,
  request: { count: number; projectId?: string | undefined },
): Promise<string[]> {
  const pending = readPending(store);
  const same = pending && pending.count === request.count && pending.projectId === request.projectId;
  if (pending && !same) await recoverTake(store, client);
  const take: PendingTake = same
    ? pending
    : {
        requestKey: randomUUID(),
        count: request.count,
        ...(request.projectId !== undefined ? { projectId: request.projectId } : {}),
      };
  return send(store, client, take);
}

/**
 * Brings back the tasks of a batch whose answer was lost, if there is one; returns the tasks it
 * stored. Only what the queue already leased under the key comes back: a request that never
 * reached the queue (the HITer was told it failed) leases nothing now.
 */
export async function recoverTake(
  store: ProfileStore,
  client: QueueClient,
  signal?: AbortSignal,
): Promise<string[]> {
  const pending = readPending(store);
  return pending ? send(store, client, pending, { replayOnly: true, signal }) : [];
}

async function send(
  store: ProfileStore,
  client: QueueClient,
  take: PendingTake,
  options: { replayOnly?: boolean; signal?: AbortSignal | undefined } = {},
): Promise<string[]> {
  store.setMeta(PENDING_TAKE, JSON.stringify(take));
  let leased;
  try {
    leased = await client.call(
      'leaseTasks',
      { body: options.replayOnly ? { ...take, replayOnly: true } : take },
      options.signal ? { signal: options.signal } : {},
    );
  } catch (error) {
    // The queue answered with an error: it leased nothing under this key, there is nothing to recover.
    if (error instanceof QueueError && error.failure.kind === 'http') store.setMeta(PENDING_TAKE, null);
    throw error;
  }
  const taskIds = store.storeLeasedTasks(leased.tasks);
  store.setMeta(PENDING_TAKE, null);
  return taskIds;
}

function readPending(store: ProfileStore): PendingTake | null {
  const text = store.getMeta(PENDING_TAKE);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as PendingTake;
    return typeof value.requestKey === 'string' && Number.isInteger(value.count) ? value : null;
  } catch {
    return null;
  }
}
