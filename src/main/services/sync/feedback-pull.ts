import type { ProfileStore } from '../profile/profile-store';
import type { QueueClient } from '../queue-client';

/** Pages per pass at most, so a HITer with years of history does not hold up the answers. */
const MAX_PAGES = 20;

/**
 * Brings down what the queue says about this HITer's work since the last pass — verdicts,
 * honeypot results, earnings — with the balances. Each page is stored with the cursor in one
 * transaction, so a cut between pages loses nothing and repeats nothing. Returns how many events
 * were new.
 */
export async function pullFeedback(
  store: ProfileStore,
  client: QueueClient,
  signal: AbortSignal,
  now: () => Date,
): Promise<number> {
  let added = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const after = store.feedback.cursor();
    const answer = await client.call('feedback', { query: { after, limit: 500 } }, { signal });
    added += store.feedback.apply(answer.events, answer.nextAfter, answer.balances, now().toISOString());
    if (answer.events.length === 0 || answer.nextAfter <= after) break;
  }
  return added;
}
