/**
 * The workstation's sync path, measured against a real queue in its own process (PGlite, as the
 * CLI runs it; `--database-url` for PostgreSQL). Prints one JSON line last:
 * {"bench":"sync","cached_tasks":100000,"inbox_p95_ms":…,"autosave_p99_ms":…,"submit_10k_s":…,
 *  "download_mb_s":…, …}
 *
 * - inbox_p95_ms: `tasks.list` through the bridge dispatch (query, summaries, contract check) with
 *   100,000 tasks cached in the profile: 300 to do, 200 waiting to be sent, the rest settled history.
 *   Targets: under 20 ms.
 * - autosave_p99_ms: `tasks.saveDraft` through the dispatch, a 6 KB draft envelope (document and undo
 *   history), 2,000 saves. Target: under 5 ms.
 * - submit_10k_s: 10,000 answers queued while the queue was down, from "Sync now" to the outbox
 *   empty (every answer sent and settled). Target: under 30 s.
 * - download_mb_s: a batch of audio tasks (16 WAV files of ~6 MB with their peaks), from the batch
 *   taken to every file downloaded, verified and in place; plain_download_mb_s is a plain HTTP
 *   download of the same files to disk right after. Six rounds, each a new batch: the first warms
 *   both paths up and is not counted; the rates are the medians of the others, download_ratio the
 *   median of each round's ratio (download_rounds lists them, download_warmup_round the first).
 *   Both use as many connections at once as the workstation's downloader (DOWNLOAD_CONCURRENCY), so
 *   the ratio compares the work per byte (Range, sha256, fsync, rename, bookkeeping), not the
 *   parallelism. Target: at least half.
 *
 * Exits with status 1 when a target is missed (after printing the JSON line, which names them).
 * `--cached-tasks N` and `--submissions N` shrink the run for a quick check (the targets are for
 * the full sizes, 100,000 and 10,000).
 *
 *   npm run bench:sync [-- --database-url postgres://…] [--cached-tasks N] [--submissions N]
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createDispatch, type Dispatch } from '../src/main/bridge/dispatch';
import { DOWNLOAD_CONCURRENCY } from '../src/main/services/media/downloader';
import { profileDbPath } from '../src/main/services/profile/profile-paths';
import { createWorkstation } from '../src/main/services/workstation';
import { startQueueServer } from '../src/server/embed';
import type { Session, SyncStatus, TaskSummary } from '../src/shared/bridge/contract';
import type { BridgeResult } from '../src/shared/bridge/errors';
import { encodeWav } from '../src/shared/media/wav';
import { median, withTargets } from './stats';
import { freePort, startTsx, type RunningProcess } from '../test/helpers/processes';
import { MODERATION_SPEC, reviewsJsonl } from '../test/helpers/workstation/workstation-harness';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../src/shared/protocol/version';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'cached-tasks': { type: 'string', default: '100000' },
    submissions: { type: 'string', default: '10000' },
  },
});

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${flag} must be a positive whole number, not "${value}"`);
  return n;
}

const CACHED_TASKS = positive(values['cached-tasks'], '--cached-tasks');
const SUBMISSIONS = positive(values.submissions, '--submissions');
const AUDIO_FILES = 16;
/** Batches downloaded: the first warms up, the medians of the others are reported. */
const DOWNLOAD_ROUNDS = 6;
const AUDIO_SECONDS = 32;
/** The plain baseline uses as many connections at once as the workstation's downloader. */
const PLAIN_CONNECTIONS = DOWNLOAD_CONCURRENCY;
const root = mkdtempSync(join(tmpdir(), 'hitdesk-bench-sync-'));
const log = (line: string) => process.stderr.write(`[bench:sync] ${line}\n`);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function value<T>(dispatch: Dispatch, name: string, input?: unknown): Promise<T> {
  const result = (await dispatch(name, input ?? null)) as BridgeResult<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ── the queue: seeded in-process, then served by the CLI in its own process ─────────────────────

type Queue = {
  url: string;
  audioProjectId: string;
  moderationProjectId: string;
  start(): Promise<void>;
  stop(): Promise<void>;
};

async function prepareQueue(): Promise<Queue> {
  const databaseUrl = values['database-url'];
  const dataDir = join(root, 'queue');
  const mediaDir = join(root, 'queue-media');
  const location = databaseUrl ? { databaseUrl, mediaDir } : { dataDir };
  log(`seeding the queue (${databaseUrl ? 'PostgreSQL' : 'PGlite'})…`);
  const seeded = await startQueueServer(location);
  let audioProjectId: string;
  let moderationProjectId: string;
  try {
    for (const username of ['bench-inbox', 'bench-submit', 'bench-media']) {
      await seeded.admin.createUser({ username, password: `${username}-password`, displayName: username });
    }
    moderationProjectId = (
      await seeded.admin.createProject({ ...MODERATION_SPEC, leaseSeconds: 30 * 86_400 })
    ).id;
    await seeded.admin.importJsonl(moderationProjectId, reviewsJsonl(SUBMISSIONS + 100, 'bench'));
    const audio = await seeded.admin.createProject({
      name: 'Bench audio',
      kind: 'audio_validation',
      instructions: 'Does the clip say the sentence?',
      priceCents: 2,
      config: { reasons: [{ code: 'noisy', label: { en: 'Noisy', fr: 'Bruité' } }] },
    });
    audioProjectId = audio.id;
    const wavDir = join(root, 'wav');
    const lines: string[] = [];
    for (let i = 0; i < AUDIO_FILES * DOWNLOAD_ROUNDS; i += 1) {
      const sampleRate = 48_000;
      const channels = [0, 1].map((channel) => {
        const samples = new Float32Array(AUDIO_SECONDS * sampleRate);
        let state = (i + 1) * 7919 + channel;
        for (let s = 0; s < samples.length; s += 1) {
          state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
          samples[s] =
            0.4 * Math.sin((2 * Math.PI * (220 + i * 20) * s) / sampleRate) +
            (state / 0x7fffffff - 0.5) * 0.2;
        }
        return samples;
      });
      const name = `clip-${i}.wav`;
      mkdirSync(wavDir, { recursive: true });
      writeFileSync(join(wavDir, name), encodeWav(channels, sampleRate));
      lines.push(JSON.stringify({ id: `clip-${i}`, data: { audio: name, sentence: `Clip number ${i}.` } }));
    }
    await seeded.admin.importFile(audioProjectId, lines.join('\n'), { mediaDir: wavDir, strict: true });
  } finally {
    await seeded.close();
  }
  const config = join(root, 'deployment.json');
  // One HITer holds the 10,000 tasks whose answers are queued.
  writeFileSync(config, JSON.stringify({ maxOutstandingLeases: 10_000 }));
  const port = await freePort();
  const args = [
    'serve',
    ...(databaseUrl ? ['--database-url', databaseUrl, '--media-store', mediaDir] : ['--data-dir', dataDir]),
    '--port',
    String(port),
    '--config',
    config,
    '--quiet',
  ];
  let running: RunningProcess | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    audioProjectId,
    moderationProjectId,
    async start() {
      running = await startTsx('src/server/cli.ts', args, { ready: /listening on http/, timeoutMs: 120_000 });
    },
    async stop() {
      await running?.stop();
      running = null;
    },
  };
}

// ── the benches ──────────────────────────────────────────────────────────────────────────────────

async function signIn(dispatch: Dispatch, username: string): Promise<Session> {
  return value<Session>(dispatch, 'session.signIn', { username, password: `${username}-password` });
}

/** 100,000 tasks in the profile's database: written directly, as years of work would have left them. */
function fillProfile(dataDir: string, userId: string): void {
  const db = new Database(profileDbPath(dataDir, userId));
  try {
    db.pragma('busy_timeout = 5000');
    const task = (i: number) => ({
      kind: 'text_moderation',
      taskId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      itemId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      externalId: `r-${i}`,
      projectId: '20000000-0000-4000-8000-000000000001',
      projectName: 'Customer reviews',
      instructions: 'Reject insults and spam.',
      priceCents: 4,
      leaseEpoch: 1,
      leaseExpiresAt: '2031-01-01T00:00:00.000Z',
      config: {
        reasons: [{ code: 'spam', label: { en: 'Spam', fr: 'Spam' } }],
        spanLabels: [],
        allowEscalate: false,
        examples: [],
      },
      data: {
        text: `Review number ${i}: the parcel arrived on time and the shoes fit well.`,
        rating: (i % 5) + 1,
      },
    });
    const insert = db.prepare(
      `INSERT INTO tasks (task_id, kind, project_id, project_name, task_json, lease_epoch, lease_expires_at,
         lease_order, state, draft_json, answer_json, preview, created_at, updated_at, submitted_at)
       VALUES (@taskId, 'text_moderation', @projectId, @projectName, @json, 1, @leaseExpiresAt, @order, @state,
         NULL, @answer, @preview, @at, @at, @submitted)`,
    );
    const outbox = db.prepare(
      `INSERT INTO outbox (idempotency_key, task_id, lease_epoch, answer_json, created_at, state)
       VALUES (?, ?, 1, '{"decision":"approve"}', ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < CACHED_TASKS; i += 1) {
        const t = task(i);
        const state =
          i < 300
            ? 'todo'
            : i < 500
              ? 'pending'
              : ['accepted', 'accepted', 'accepted', 'superseded', 'refused'][i % 5]!;
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        insert.run({
          ...t,
          json: JSON.stringify(t),
          order: i + 1,
          state,
          answer: state === 'todo' ? null : '{"decision":"approve"}',
          preview: t.data.text,
          at,
          submitted: state === 'todo' ? null : at,
        });
        if (state !== 'todo')
          outbox.run(
            `bench-key-${i}`,
            t.taskId,
            at,
            state === 'pending' ? 'pending' : state === 'refused' ? 'failed' : 'done',
          );
      }
    })();
  } finally {
    db.close();
  }
}

/** Measured offline (signed in with the local verifier): nothing else runs beside the HITer's clicks. */
async function benchInboxAndAutosave(dataDir: string, dispatch: Dispatch, queue: Queue) {
  const session = await signIn(dispatch, 'bench-inbox');
  await value(dispatch, 'session.signOut');
  await queue.stop();
  log(`writing ${CACHED_TASKS} cached tasks…`);
  fillProfile(dataDir, session.userId);
  if (!(await signIn(dispatch, 'bench-inbox')).offline) throw new Error('expected an offline sign-in');
  const inbox = await value<TaskSummary[]>(dispatch, 'tasks.list');
  if (inbox.length !== 600)
    throw new Error(`the inbox shows ${inbox.length} tasks, expected 300 + 200 + 100`);
  for (let i = 0; i < 20; i += 1) await value(dispatch, 'tasks.list');
  const inboxSamples: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const started = performance.now();
    await value(dispatch, 'tasks.list');
    inboxSamples.push(performance.now() - started);
  }

  const taskId = inbox[0]!.taskId;
  await value(dispatch, 'tasks.open', { taskId });
  const draft = (n: number) => ({
    v: 1,
    doc: {
      decision: 'reject',
      reason: 'spam',
      spans: Array.from({ length: 20 }, (_, i) => ({ start: i * 10, end: i * 10 + 5, label: 'name' })),
      n,
    },
    history: {
      undo: Array.from({ length: 30 }, (_, i) => ({
        op: 'set',
        path: ['reason'],
        value: `r${i}`,
        was: null,
      })),
      redo: [],
    },
  });
  const size = JSON.stringify(draft(0)).length;
  for (let i = 0; i < 50; i += 1) await value(dispatch, 'tasks.saveDraft', { taskId, draft: draft(i) });
  const saveSamples: number[] = [];
  for (let i = 0; i < 2_000; i += 1) {
    const started = performance.now();
    await value(dispatch, 'tasks.saveDraft', { taskId, draft: draft(i) });
    saveSamples.push(performance.now() - started);
  }
  await value(dispatch, 'session.signOut');
  await queue.start();
  return {
    inbox_p95_ms: round(percentile(inboxSamples, 0.95)),
    inbox_p50_ms: round(percentile(inboxSamples, 0.5)),
    autosave_p99_ms: round(percentile(saveSamples, 0.99)),
    autosave_p50_ms: round(percentile(saveSamples, 0.5)),
    draft_bytes: size,
  };
}

async function status(dispatch: Dispatch): Promise<SyncStatus> {
  return value<SyncStatus>(dispatch, 'sync.status');
}

async function benchSubmit(queue: Queue, dispatch: Dispatch): Promise<number> {
  await signIn(dispatch, 'bench-submit');
  log(`leasing ${SUBMISSIONS} tasks…`);
  const taskIds: string[] = [];
  while (taskIds.length < SUBMISSIONS) {
    const { tasks } = await value<{ tasks: TaskSummary[] }>(dispatch, 'batch.take', {
      count: Math.min(50, SUBMISSIONS - taskIds.length),
      projectId: queue.moderationProjectId,
    });
    if (tasks.length === 0) throw new Error('the queue ran out of tasks');
    taskIds.push(...tasks.map((task) => task.taskId));
  }
  // The line goes down: every answer waits in the outbox.
  await queue.stop();
  log(`submitting ${SUBMISSIONS} answers offline…`);
  for (const [i, taskId] of taskIds.entries()) {
    await value(dispatch, 'tasks.submit', {
      taskId,
      answer: i % 4 === 0 ? { decision: 'reject', reason: 'spam' } : { decision: 'approve' },
    });
  }
  await until(
    async () => (await status(dispatch)).online === false,
    60_000,
    'the workstation to see the queue is down',
  );
  await queue.start();
  log('draining the outbox…');
  const started = performance.now();
  const pass = value(dispatch, 'sync.now').catch(() => undefined);
  await until(async () => (await status(dispatch)).pendingCount === 0, 600_000, 'the outbox to drain');
  const seconds = (performance.now() - started) / 1000;
  await pass;
  await value(dispatch, 'session.signOut');
  return round(seconds, 1);
}

type DownloadFigures = {
  warmup: DownloadRound;
  ours: number;
  plain: number;
  ratio: number;
  bytes: number;
  rounds: DownloadRound[];
};
type DownloadRound = { ours_mb_s: number; plain_mb_s: number; ratio: number };

/**
 * DOWNLOAD_ROUNDS rounds, each a fresh batch of AUDIO_FILES tasks: the workstation downloads it
 * (timed from the take), then the same files are fetched plainly. The first round warms both paths
 * (JIT, connections, the queue's route) and is not counted; the figures are the medians of the rest,
 * the ratio the median of each round's own ratio (a shared machine's speed drifts between rounds).
 */
async function benchDownload(queue: Queue, dispatch: Dispatch): Promise<DownloadFigures> {
  await signIn(dispatch, 'bench-media');
  // The plain download needs the same token: take it from a sign-in of its own.
  const signInReply = await fetch(`${queue.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
    body: JSON.stringify({ username: 'bench-media', password: 'bench-media-password' }),
  });
  const { token } = (await signInReply.json()) as { token: string };
  const rounds: DownloadRound[] = [];
  let bytes = 0;
  for (let round = 0; round < DOWNLOAD_ROUNDS; round += 1) {
    const before = (await status(dispatch)).download;
    const started = performance.now();
    const { tasks } = await value<{ tasks: TaskSummary[] }>(dispatch, 'batch.take', {
      count: AUDIO_FILES,
      projectId: queue.audioProjectId,
    });
    if (tasks.length !== AUDIO_FILES)
      throw new Error(`took ${tasks.length} audio tasks, expected ${AUDIO_FILES}`);
    const wanted = (before?.tasks ?? 0) + AUDIO_FILES;
    await until(
      async () => {
        const download = (await status(dispatch)).download;
        return download !== undefined && download.tasks === wanted && download.tasksReady === wanted;
      },
      600_000,
      'the downloads',
    );
    const ours = (performance.now() - started) / 1000;
    bytes = (await status(dispatch)).download!.bytes - (before?.bytes ?? 0);
    const plain = await plainDownload(queue, token, await mediaOf(dispatch, tasks));
    rounds.push({ ours_mb_s: bytes / 1e6 / ours, plain_mb_s: bytes / 1e6 / plain, ratio: plain / ours });
  }
  // The first round warmed both paths up: shown, not counted.
  const [warmup, ...counted] = rounds;
  await value(dispatch, 'session.signOut');
  return {
    ours: median(counted.map((r) => r.ours_mb_s)),
    plain: median(counted.map((r) => r.plain_mb_s)),
    // Paired: both downloads of a round ran moments apart, under the same load on the machine.
    ratio: median(counted.map((r) => r.ratio)),
    bytes,
    warmup: warmup!,
    rounds: counted,
  };
}

/** The files of these audio tasks: each clip and its peaks. */
async function mediaOf(dispatch: Dispatch, tasks: TaskSummary[]): Promise<string[]> {
  const shas: string[] = [];
  for (const task of tasks) {
    const detail = await value<{ task: { data: { audio: { sha256: string; peaks?: { sha256: string } } } } }>(
      dispatch,
      'tasks.open',
      { taskId: task.taskId },
    );
    shas.push(detail.task.data.audio.sha256);
    if (detail.task.data.audio.peaks) shas.push(detail.task.data.audio.peaks.sha256);
  }
  return shas;
}

/** The same files, plain: one GET each, streamed to disk, PLAIN_CONNECTIONS at a time. Seconds. */
async function plainDownload(queue: Queue, token: string, shas: string[]): Promise<number> {
  const dir = mkdtempSync(join(root, 'plain-'));
  const begin = performance.now();
  let next = 0;
  const worker = async () => {
    for (let sha = shas[next++]; sha !== undefined; sha = shas[next++]) {
      const response = await fetch(`${queue.url}/v1/media/${sha}`, {
        headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      });
      if (!response.ok || !response.body)
        throw new Error(`plain download of ${sha}: HTTP ${response.status}`);
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(join(dir, sha)));
    }
  };
  await Promise.all(Array.from({ length: PLAIN_CONNECTIONS }, worker));
  const seconds = (performance.now() - begin) / 1000;
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

function roundFigures(r: DownloadRound) {
  return { ours_mb_s: round(r.ours_mb_s, 1), plain_mb_s: round(r.plain_mb_s, 1), ratio: round(r.ratio) };
}

async function main(): Promise<void> {
  const queue = await prepareQueue();
  await queue.start();
  const dataDir = join(root, 'laptop');
  const workstation = await createWorkstation({
    dataDir,
    resourcesDir: join(root, 'resources'),
    appVersion: '0.0.0-bench',
    mode: 'browser',
    platform: process.platform,
    emit: () => undefined,
    defaultServerUrl: queue.url,
    demoPort: 0,
    syncTimings: { baseDelayMs: 100, maxDelayMs: 1_000 },
  });
  const dispatch = createDispatch(workstation.handlers);
  try {
    const inbox = await benchInboxAndAutosave(dataDir, dispatch, queue);
    log(`inbox p95 ${inbox.inbox_p95_ms} ms, autosave p99 ${inbox.autosave_p99_ms} ms`);
    const submit = await benchSubmit(queue, dispatch);
    log(`10,000 answers sent in ${submit} s`);
    const download = await benchDownload(queue, dispatch);
    log(`download ${round(download.ours)} MB/s, plain ${round(download.plain)} MB/s`);
    const targets = {
      inbox_p95_ms: inbox.inbox_p95_ms < 20,
      autosave_p99_ms: inbox.autosave_p99_ms < 5,
      // 10,000 answers in 30 s: the same rate for a smaller run.
      submit_10k_s: submit < 30 * (SUBMISSIONS / 10_000),
      download_mb_s: download.ratio >= 0.5,
    };
    const result = {
      bench: 'sync',
      cached_tasks: CACHED_TASKS,
      inbox_p95_ms: inbox.inbox_p95_ms,
      autosave_p99_ms: inbox.autosave_p99_ms,
      submit_10k_s: submit,
      download_mb_s: round(download.ours, 1),
      plain_download_mb_s: round(download.plain, 1),
      download_ratio: round(download.ratio),
      download_mb: round(download.bytes / 1e6, 1),
      download_rounds: download.rounds.map(roundFigures),
      download_warmup_round: roundFigures(download.warmup),
      inbox_p50_ms: inbox.inbox_p50_ms,
      autosave_p50_ms: inbox.autosave_p50_ms,
      draft_bytes: inbox.draft_bytes,
      database: values['database-url'] ? 'postgresql' : 'pglite',
      submissions: SUBMISSIONS,
      download_connections: DOWNLOAD_CONCURRENCY,
      plain_download_connections: PLAIN_CONNECTIONS,
      download_compares:
        `batch taken → every file downloaded, sha256-verified, fsynced and in place, against plain GETs ` +
        `of the same files streamed to disk; both over ${PLAIN_CONNECTIONS} connections at once`,
    };
    console.log(JSON.stringify(withTargets(result, targets)));
  } finally {
    await workstation.close();
    await queue.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
