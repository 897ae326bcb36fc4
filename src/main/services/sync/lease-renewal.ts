import type { ProfileStore } from '../profile/profile-store';
import type { QueueClient } from '../queue-client';

/** The queue takes at most this many leases per renewal. */
const RENEW_BATCH = 500;

/**
 * Extends the leases this HITer still needs (open tasks and answers waiting to be sent) while the
 * queue can be reached, so a batch taken for a long offline stretch does not run out. Leases the
 * queue says were lost are flagged on the task: the HITer is told, and an answer is still kept.
 * Returns the tasks whose lease changed.
 */
export async function renewLeases(
  store: ProfileStore,
  client: QueueClient,
  signal: AbortSignal,
): Promise<string[]> {
  const leases = store.leasesToRenew(RENEW_BATCH);
  if (leases.length === 0) return [];
  const answer = await client.call('renewLeases', { body: { leases } }, { signal });
  return store.applyRenewals(answer.leases);
}
