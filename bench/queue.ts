/**
 * `npm run bench:queue`: 200 simulated workers, each looping lease-one → submit for 20 seconds
 * against a queue server (its own process) on PostgreSQL (a fresh database on TEST_DATABASE_URL),
 * over loopback HTTP. Then, in the same run, the rate of trivial `SELECT 1` round trips on the
 * server's pool, the ceiling of this machine. Prints one JSON line last:
 * {"bench":"queue","workers":200,"cycles_per_s":…,"lease_p99_ms":…,"submit_p99_ms":…,"select1_per_s":…,
 *  "paced":[{"offered_cycles_per_s":100,"cycles_per_s":…,"lease_p99_ms":…,"submit_p99_ms":…},{…1000…}],
 *  "floor_cycles_per_s":…,"floor_p99_ms":…}
 * Two more phases, for scale, with the same workers and server:
 * - paced: 100 cycles a second offered (what a thousand HITers ask for), then 1,000 (the throughput
 *   target), each worker starting its cycles at fixed times, 10 seconds each: the latency at loads
 *   the queue carries, where the closed loop measures it at saturation;
 * - floor: no queue work at all, each cycle two authenticated `GET /v1/me` (HTTP, the session check,
 *   cached as under load, and the contract), 10 seconds: on two cores shared by client, server and
 *   database, it bounds what any queue code could reach.
 * Targets: cycles_per_s at least 1,000 and at least a tenth of select1_per_s; both p99 under 50 ms.
 * Exits with status 1 when a target is missed (after printing the line, which names them).
 *
 * Environment: BENCH_SECONDS (20), BENCH_WORKERS (200), BENCH_POOL_SIZE (10), BENCH_ITEMS (80000),
 * BENCH_CPU_PROF (a folder for a CPU profile of the server).
 */
import { fork } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'undici';
import { hashToken } from '../src/server/auth/tokens';
import { openQueueDatabase } from '../src/server/db/open';
import { importItems } from '../src/server/import/import-items';
import { createProject } from '../src/server/queue/projects';
import { createTestDatabase } from '../test/helpers/postgres';
import { percentile, round1, withTargets } from './stats';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../src/shared/protocol/version';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 200);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 80_000);
/**
 * The paced phases' offered loads: what a thousand HITers ask for (about a hundred leases a second)
 * and the throughput the issue asks the queue to carry.
 */
const PACED_RATES = [100, 1000];
const PACED_SECONDS = 10;
const FLOOR_SECONDS = 10;

const log = (text: string) => process.stderr.write(`${text}\n`);

async function seed(databaseUrl: string): Promise<{ projectId: string; tokens: string[] }> {
  const db = await openQueueDatabase({ databaseUrl });
  try {
    const project = await createProject(db, {
      name: 'Bench reviews',
      kind: 'text_moderation',
      priceCents: 5,
      reviewRate: 0.1,
      config: { reasons: [{ code: 'spam', label: { en: 'Spam', fr: 'Spam' } }] },
    });
    const lines = Array.from({ length: ITEMS }, (_, index) =>
      JSON.stringify({
        id: `r${index}`,
        data: { text: `Review ${index}: fast delivery, good shoes.`, rating: 4 },
      }),
    ).join('\n');
    await importItems(db, project.id, lines, { strict: true });
    // Accounts and sessions written directly: sign-in (scrypt) is not what is measured here.
    const tokens: string[] = [];
    for (let index = 0; index < WORKERS; index += 1) {
      const token = randomBytes(32).toString('base64url');
      const [user] = await db.query<{ id: string }>(
        `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $1, 'hitter', 'x') RETURNING id`,
        [`bench-${index}`],
      );
      await db.query(
        `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`,
        [hashToken(token), user?.id],
      );
      tokens.push(token);
    }
    // Statistics for what the seed filled. The history tables (leases, submissions, ledger,
    // feedback) are left unanalysed, as in a fresh deployment: analysed while empty, they would
    // tell the planner they stay empty, and the plans cached on each connection (the foreign-key
    // checks' among them) would scan them whole as they grow, which no running queue does
    // (autovacuum analyses a table as it fills).
    await db.query('ANALYZE projects, items, tasks, users, sessions');
    return { projectId: project.id, tokens };
  } finally {
    await db.close();
  }
}

/**
 * The simulated workstations' HTTP client: undici, one keep-alive connection per worker. The
 * client shares the two cores with the server and the database (a real deployment's workstations
 * are other machines): node:http's client took 0.20–0.26 ms of CPU per cycle, undici 0.14–0.20.
 */
function connect(url: URL): Pool {
  return new Pool(url.origin, { connections: WORKERS, pipelining: 1 });
}

function headersFor(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
}

async function post(
  pool: Pool,
  path: string,
  token: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await pool.request({
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headersFor(token) },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, json: await response.body.json() };
}

type Task = { taskId: string; leaseEpoch: number };

/**
 * Every worker loops lease-one → submit for `seconds` after a warm-up. Closed loop by default (each
 * worker asks again as soon as it has its answer); with `cyclesPerSecond`, each worker starts a
 * cycle at fixed times that add up to that rate, and a cycle's lease is timed from when it was due,
 * so a queue falling behind shows in the figures instead of slowing the load down.
 */
async function load(
  pool: Pool,
  projectId: string,
  tokens: string[],
  phase: { warmupSeconds: number; seconds: number; cyclesPerSecond?: number },
) {
  const start = performance.now();
  const measureFrom = start + phase.warmupSeconds * 1000;
  const end = measureFrom + phase.seconds * 1000;
  const periodMs = phase.cyclesPerSecond ? (tokens.length / phase.cyclesPerSecond) * 1000 : 0;
  const leaseMs: number[] = [];
  const submitMs: number[] = [];
  let cycles = 0;
  let dry = 0;
  let failures = 0;
  await Promise.all(
    tokens.map(async (token, index) => {
      let due = start + (periodMs * index) / tokens.length;
      while (performance.now() < end) {
        if (periodMs > 0) {
          if (due > performance.now()) await sleep(due - performance.now());
          due += periodMs;
        }
        const t0 = periodMs > 0 ? due - periodMs : performance.now();
        const leased = await post(pool, '/v1/leases', token, { count: 1, projectId });
        const t1 = performance.now();
        const task = (leased.json as { tasks?: Task[] }).tasks?.[0];
        if (leased.status !== 200 || !task) {
          if (leased.status === 200) dry += 1;
          else failures += 1;
          continue;
        }
        const submitted = await post(pool, '/v1/submissions', token, {
          taskId: task.taskId,
          leaseEpoch: task.leaseEpoch,
          idempotencyKey: randomUUID(),
          answer: { decision: 'approve' },
          durationMs: 12_000,
        });
        const t2 = performance.now();
        if (submitted.status !== 200) {
          failures += 1;
          continue;
        }
        if (t0 >= measureFrom && t2 <= end) {
          leaseMs.push(t1 - t0);
          submitMs.push(t2 - t1);
          cycles += 1;
        }
      }
    }),
  );
  return { cycles, leaseMs, submitMs, dry, failures };
}

/** The floor: each worker loops two `GET /v1/me` (no queue work) for FLOOR_SECONDS after a warm-up. */
async function floorLoad(pool: Pool, tokens: string[]) {
  const measureFrom = performance.now() + 1000;
  const end = measureFrom + FLOOR_SECONDS * 1000;
  const requestMs: number[] = [];
  let cycles = 0;
  const me = async (token: string) => {
    const t0 = performance.now();
    const response = await pool.request({ path: '/v1/me', method: 'GET', headers: headersFor(token) });
    await response.body.json();
    if (response.statusCode !== 200) throw new Error(`GET /v1/me answered ${response.statusCode}`);
    return [t0, performance.now()] as const;
  };
  await Promise.all(
    tokens.map(async (token) => {
      while (performance.now() < end) {
        const [t0, t1] = await me(token);
        const [, t2] = await me(token);
        if (t0 >= measureFrom && t2 <= end) {
          requestMs.push(t1 - t0, t2 - t1);
          cycles += 1;
        }
      }
    }),
  );
  return { cyclesPerSecond: cycles / FLOOR_SECONDS, p99: percentile(requestMs, 99) };
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  let child: ReturnType<typeof fork> | null = null;
  try {
    log(`seeding ${ITEMS} items and ${WORKERS} workers…`);
    const { projectId, tokens } = await seed(database.url);
    child = fork(join(process.cwd(), 'bench/queue-server.ts'), [], {
      execPath: process.execPath,
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server, to see where its time goes.
      execArgv: [
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
        '--import',
        'tsx',
      ],
      env: { ...process.env, BENCH_DATABASE_URL: database.url, BENCH_POOL_SIZE: String(POOL_SIZE) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = child;
    const ask = <T>(message: object, type: string) =>
      new Promise<T>((resolve, reject) => {
        const onMessage = (reply: { type: string } & T) => {
          if (reply.type !== type) return;
          server.off('message', onMessage);
          resolve(reply);
        };
        server.on('message', onMessage);
        server.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
        if (Object.keys(message).length > 0) server.send(message);
      });
    const { url } = await ask<{ url: string }>({}, 'ready');
    log(`server at ${url}; ${WORKERS} workers, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s measured…`);
    const pool = connect(new URL(url));
    const result = await load(pool, projectId, tokens, { warmupSeconds: WARMUP_SECONDS, seconds: SECONDS });
    const paced = [];
    for (const offered of PACED_RATES) {
      log(`paced: the same workers, ${offered} cycles/s offered, ${PACED_SECONDS} s…`);
      const run = await load(pool, projectId, tokens, {
        warmupSeconds: 2,
        seconds: PACED_SECONDS,
        cyclesPerSecond: offered,
      });
      paced.push({ offered, run });
    }
    log(`floor: the same workers, two GET /v1/me per cycle, ${FLOOR_SECONDS} s…`);
    const floor = await floorLoad(pool, tokens).finally(() => pool.destroy());
    log(`select 1 on the server's pool (${POOL_SIZE} connections)…`);
    const { rate } = await ask<{ rate: number }>(
      { type: 'select1', seconds: 5, concurrency: WORKERS },
      'select1',
    );
    server.send({ type: 'stop' });
    await new Promise((resolve) => server.once('exit', resolve));
    child = null;
    const cyclesPerSecond = result.cycles / SECONDS;
    for (const [name, run] of [
      ['closed loop', result],
      ...paced.map((p) => [`paced ${p.offered}/s`, p.run] as const),
    ] as const) {
      log(`${name}: cycles ${run.cycles}, empty leases ${run.dry}, failed requests ${run.failures}`);
    }
    const leaseP99 = percentile(result.leaseMs, 99);
    const submitP99 = percentile(result.submitMs, 99);
    const line = {
      bench: 'queue',
      workers: WORKERS,
      cycles_per_s: Math.round(cyclesPerSecond),
      lease_p99_ms: round1(leaseP99),
      submit_p99_ms: round1(submitP99),
      select1_per_s: Math.round(rate),
      paced: paced.map(({ offered, run }) => ({
        offered_cycles_per_s: offered,
        cycles_per_s: Math.round(run.cycles / PACED_SECONDS),
        lease_p99_ms: round1(percentile(run.leaseMs, 99)),
        submit_p99_ms: round1(percentile(run.submitMs, 99)),
      })),
      floor_cycles_per_s: Math.round(floor.cyclesPerSecond),
      floor_p99_ms: round1(floor.p99),
    };
    const targets = {
      cycles_per_s: cyclesPerSecond >= 1000,
      cycles_share_of_select1: cyclesPerSecond >= 0.1 * rate,
      lease_p99_ms: leaseP99 < 50,
      submit_p99_ms: submitP99 < 50,
    };
    process.stdout.write(`${JSON.stringify(withTargets(line, targets))}\n`);
  } finally {
    child?.kill('SIGTERM');
    await database.drop();
  }
}

await main();
