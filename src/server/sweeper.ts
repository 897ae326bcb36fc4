import { rm } from 'node:fs/promises';
import type { QueueServices } from './context';
import { refreshPlannerStatistics } from './db/planner-stats';
import { forgetLeaseRequests, releaseExpired } from './queue/leases';
import { autoAccept } from './review/verdicts';

/** Unfinished uploads untouched this long are dropped (their bytes take disk space). */
const STALE_UPLOAD_DAYS = 14;
const BATCH = 500;

export type SweepReport = {
  released: number;
  autoAccepted: number;
  uploadsDropped: number;
  /** Tables whose planner statistics were refreshed (embedded PGlite only: it has no autovacuum). */
  analyzed: string[];
};

/**
 * One pass of the queue's housekeeping: expired leases go back to the pool (their history stays, so
 * late work is still accepted), unreviewed work past its delay is accepted, stale uploads are dropped,
 * and on PGlite the planner's statistics of tables that grew are refreshed.
 * Safe to run from several servers at once (rows are taken with SKIP LOCKED).
 */
export async function sweep(services: QueueServices): Promise<SweepReport> {
  const report: SweepReport = { released: 0, autoAccepted: 0, uploadsDropped: 0, analyzed: [] };
  for (;;) {
    const released = await releaseExpired(services.db, BATCH);
    report.released += released;
    if (released < BATCH) break;
  }
  while ((await forgetLeaseRequests(services.db, BATCH)) === BATCH);
  for (;;) {
    const accepted = await autoAccept(services.db, services.settings.currency, BATCH);
    report.autoAccepted += accepted;
    if (accepted < BATCH) break;
  }
  const stale = await services.db.query<{ temp_name: string }>(
    `DELETE FROM uploads WHERE status = 'open' AND updated_at < now() - make_interval(days => $1)
     RETURNING temp_name`,
    [STALE_UPLOAD_DAYS],
  );
  for (const upload of stale) {
    await rm(await services.media.store.stagingPath(upload.temp_name), { force: true });
  }
  report.uploadsDropped = stale.length;
  if (services.db.kind === 'pglite') report.analyzed = await refreshPlannerStatistics(services.db);
  return report;
}

/** Runs `sweep` every `sweepIntervalSeconds` until stopped; a failed pass is logged and retried next time. */
export function startSweeper(
  services: QueueServices,
  log: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return; // the previous pass is still going
    running = sweep(services)
      .catch(log)
      .finally(() => {
        running = null;
      });
  }, services.settings.sweepIntervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
