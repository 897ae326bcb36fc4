/**
 * The queue server of `bench/queue.ts`, in its own process as in production. It also measures, on
 * request, the rate of trivial `SELECT 1` round trips on its own PostgreSQL pool: the ceiling the
 * queue's work is compared with.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server/server';

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');
const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 10);

const server = await startServer({
  databaseUrl,
  mediaDir: mkdtempSync(join(tmpdir(), 'hitdesk-bench-media-')),
  poolSize,
  settings: { maxOutstandingLeases: 10_000 },
});

async function selectOneRate(seconds: number, concurrency: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await server.db.query('SELECT 1');
        count += 1;
      }
    }),
  );
  return count / seconds;
}

process.on('message', (message: { type: string; seconds?: number; concurrency?: number }) => {
  if (message.type === 'select1') {
    void selectOneRate(message.seconds ?? 5, message.concurrency ?? 200).then((rate) =>
      process.send?.({ type: 'select1', rate }),
    );
  } else if (message.type === 'stop') {
    // How much combining happened over the whole run, every phase (calls per batch): bigger
    // batches, less work per request.
    const { leasing, submitting } = server.services;
    for (const [name, totals] of [
      ['lease', leasing.totals],
      ['submit', submitting.totals],
    ] as const) {
      const perBatch = totals.batches > 0 ? (totals.calls / totals.batches).toFixed(1) : '0';
      console.error(`${name} batches ${totals.batches}, ${perBatch} calls each`);
    }
    void server.close().then(() => process.exit(0));
  }
});
process.send?.({ type: 'ready', url: server.url });
