/**
 * The kill test: a workstation process doing what a HITer does — autosaving drafts, submitting,
 * syncing with a real queue — is SIGKILLed at random moments, again and again. After each kill
 * the profile database must pass `integrity_check`, hold every draft and answer it had
 * acknowledged, and after the final sync every submitted answer must be on the queue exactly once.
 *
 * The suite runs it 200 times (test/integration/workstation-kill.test.ts); for a longer run:
 *   npm run test:kill                (1,000 kills)
 *   npx tsx test/helpers/workstation/kill-run.ts --kills 1000 [--seed 7]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { profileDbPath } from '../../../src/main/services/profile/profile-paths';
import { startQueueServer, type RunningQueueServer } from '../../../src/server/embed';
import type { Session, TaskSummary } from '../../../src/shared/bridge/contract';
import { ChildGone, startChildWorkstation, type ChildWorkstation } from './child-driver';
import { MODERATION_SPEC, reviewsJsonl } from './workstation-harness';

export type KillRunOptions = {
  kills: number;
  seed?: number;
  /** A queue to use (else one is started on PGlite in a temp folder). */
  queue?: RunningQueueServer;
  /** Laptops killed in parallel (default 3). */
  lanes?: number;
  log?: (line: string) => void;
};

export type KillRunReport = {
  kills: number;
  killedDuring: Record<string, number>;
  draftsAcknowledged: number;
  submissionsAcknowledged: number;
  /** Outbox rows at the end, each checked against the queue. */
  answersSent: number;
};

const HITTER = { username: 'kilian', password: 'kilian-password-1' };

/** A small deterministic generator, so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

type Acknowledged = {
  /** The highest draft counter main said it saved, per task. */
  drafts: Map<string, number>;
  /** Answers main said it submitted. */
  submitted: Map<string, unknown>;
};

export async function runKillTest(options: KillRunOptions): Promise<KillRunReport> {
  const seed = options.seed ?? Date.now() % 100_000;
  const log = options.log ?? (() => undefined);
  const root = mkdtempSync(join(tmpdir(), 'hitdesk-kill-'));
  const ownQueue = options.queue === undefined;
  const queue = options.queue ?? (await startQueueServer({ dataDir: join(root, 'queue') }));
  const lanes = Math.max(1, Math.min(options.lanes ?? 3, options.kills));
  const report: KillRunReport = {
    kills: 0,
    killedDuring: {},
    draftsAcknowledged: 0,
    submissionsAcknowledged: 0,
    answersSent: 0,
  };
  try {
    const project = await queue.admin.createProject({ ...MODERATION_SPEC, name: `Kill test ${seed}` });
    // About one task per kill is used; leave room.
    await queue.admin.importJsonl(project.id, reviewsJsonl(options.kills * 2 + 100 * lanes, `kill${seed}`));
    let done = 0;
    // Several laptops at once (each its own HITer and folder): the same checks, in less time.
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const kills = Math.floor(options.kills / lanes) + (lane < options.kills % lanes ? 1 : 0);
        const laneReport = await runLane({
          queue,
          projectId: project.id,
          root: join(root, `laptop-${lane}`),
          username: `${HITTER.username}${seed}x${lane}`,
          kills,
          seed: seed * 31 + lane,
          onKill: () => {
            done += 1;
            if (done % 50 === 0) log(`kill test: ${done}/${options.kills} kills, all checks passed`);
          },
        });
        report.kills += laneReport.kills;
        for (const [what, count] of Object.entries(laneReport.killedDuring)) {
          report.killedDuring[what] = (report.killedDuring[what] ?? 0) + count;
        }
        report.draftsAcknowledged += laneReport.draftsAcknowledged;
        report.submissionsAcknowledged += laneReport.submissionsAcknowledged;
        report.answersSent += laneReport.answersSent;
      }),
    );
    return report;
  } finally {
    if (ownQueue) await queue.close();
    rmSync(root, { recursive: true, force: true });
  }
}

type Lane = {
  queue: RunningQueueServer;
  projectId: string;
  root: string;
  username: string;
  kills: number;
  seed: number;
  onKill: () => void;
};

/** One laptop, one HITer: kill after kill, then a final sync checked against the queue. */
async function runLane(lane: Lane): Promise<KillRunReport> {
  const { queue, projectId, username, seed } = lane;
  const random = prng(seed);
  const acked: Acknowledged = { drafts: new Map(), submitted: new Map() };
  const report: KillRunReport = {
    kills: 0,
    killedDuring: {},
    draftsAcknowledged: 0,
    submissionsAcknowledged: 0,
    answersSent: 0,
  };
  await queue.admin.createUser({ username, password: HITTER.password, displayName: 'Kilian' });
  const dataDir = join(lane.root, 'data');
  let userId: string | null = null;

  for (let round = 0; round < lane.kills; round += 1) {
    const child = await startChildWorkstation({ dataDir, serverUrl: queue.url });
    const session = await child.value<Session>('session.signIn', { username, password: HITTER.password });
    userId = session.userId;
    let doing = 'idle';
    let working: () => void = () => undefined;
    const atWork = new Promise<void>((resolve) => (working = resolve));
    const work = workUntilKilled(child, random, acked, projectId, (what) => {
      doing = what;
      if (what === 'autosave') working();
    });
    // The work only ever ends by the kill: anything else that stops it is a failure of the test.
    // The clock starts once drafts are being saved, so kills land in autosave and submit.
    const ended = await Promise.race([
      atWork.then(() => sleep(Math.floor(random() * 250))).then(() => false),
      work.then(() => true),
    ]);
    if (ended) fail(`the work stopped before the kill:\n${child.output()}`, seed, round);
    report.killedDuring[doing] = (report.killedDuring[doing] ?? 0) + 1;
    await child.kill();
    await work;
    report.kills += 1;
    checkAfterCrash(profileDbPath(dataDir, userId), acked, round, seed);
    lane.onKill();
  }

  // Everything submitted reaches the queue once the app runs to the end of a sync.
  const child = await startChildWorkstation({ dataDir, serverUrl: queue.url });
  try {
    await child.value('session.signIn', { username, password: HITTER.password });
    for (let i = 0; i < 100; i += 1) {
      const status = await child.value<{ pendingCount: number }>('sync.now');
      if (status.pendingCount === 0) break;
      await sleep(100);
    }
  } finally {
    await child.stop();
  }
  if (userId === null) return report;
  report.answersSent = await checkOnQueue(
    queue,
    projectId,
    username,
    profileDbPath(dataDir, userId),
    acked,
    seed,
  );
  report.draftsAcknowledged = acked.drafts.size;
  report.submissionsAcknowledged = acked.submitted.size;
  return report;
}

/** Autosaves and submits as fast as main answers, until the process dies under it. */
async function workUntilKilled(
  child: ChildWorkstation,
  random: () => number,
  acked: Acknowledged,
  projectId: string,
  doing: (what: string) => void,
): Promise<void> {
  try {
    for (;;) {
      doing('listing');
      const tasks = await child.value<TaskSummary[]>('tasks.list');
      let open = tasks.filter((task) => task.state === 'todo' || task.state === 'draft');
      if (open.length === 0) {
        doing('taking');
        await child.value('batch.take', { count: 2, projectId });
        continue;
      }
      const task = open[Math.floor(random() * open.length)]!;
      doing('opening');
      await child.value('tasks.open', { taskId: task.taskId });
      const edits = 1 + Math.floor(random() * 6);
      for (let i = 0; i < edits; i += 1) {
        const n = (acked.drafts.get(task.taskId) ?? 0) + 1;
        doing('autosave');
        await child.value('tasks.saveDraft', { taskId: task.taskId, draft: draftOf(n) });
        acked.drafts.set(task.taskId, n);
      }
      if (random() < 0.6) {
        const answer = random() < 0.5 ? { decision: 'approve' } : { decision: 'reject', reason: 'spam' };
        doing('submit');
        await child.value('tasks.submit', { taskId: task.taskId, answer });
        acked.submitted.set(task.taskId, answer);
      }
      open = [];
    }
  } catch (error) {
    // The process was killed mid-call: whatever was not acknowledged may or may not be saved.
    if (!(error instanceof ChildGone)) throw error;
  }
}

/** A draft shaped like the editors' (a document with its undo history), with a counter to compare. */
function draftOf(n: number) {
  return {
    v: 1,
    doc: { decision: 'reject', reason: null, n, note: 'x'.repeat(200 + (n % 7) * 50) },
    history: { undo: Array.from({ length: Math.min(n, 20) }, (_, i) => ({ n: i })), redo: [] },
  };
}

function fail(message: string, seed: number, round?: number): never {
  throw new Error(
    `kill test (seed ${seed}${round === undefined ? '' : `, after kill ${round + 1}`}): ${message}`,
  );
}

/** What a restart finds: a sound database holding everything main had said it saved. */
function checkAfterCrash(file: string, acked: Acknowledged, round: number, seed: number): void {
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') fail(`integrity_check says ${String(integrity)}`, seed, round);
    const read = db.prepare('SELECT state, draft_json, answer_json FROM tasks WHERE task_id = ?');
    const outboxRows = db.prepare('SELECT count(*) FROM outbox WHERE task_id = ?').pluck();
    for (const [taskId, n] of acked.drafts) {
      const row = read.get(taskId) as { state: string; draft_json: string | null } | undefined;
      if (!row) fail(`task ${taskId} with a saved draft is gone`, seed, round);
      const saved =
        row.draft_json === null ? 0 : (JSON.parse(row.draft_json) as { doc: { n: number } }).doc.n;
      if (saved < n)
        fail(`task ${taskId}: draft ${n} was acknowledged but the database holds ${saved}`, seed, round);
    }
    for (const [taskId, answer] of acked.submitted) {
      const row = read.get(taskId) as { state: string; answer_json: string | null } | undefined;
      if (!row || !['pending', 'accepted'].includes(row.state)) {
        fail(`task ${taskId} was submitted but is ${row?.state ?? 'missing'}`, seed, round);
      }
      if (!sameAnswer(JSON.parse(row.answer_json ?? 'null'), answer)) {
        fail(`task ${taskId} holds ${row.answer_json}, not the answer submitted`, seed, round);
      }
      const count = outboxRows.get(taskId) as number;
      if (count !== 1) fail(`task ${taskId} has ${count} outbox rows, not 1`, seed, round);
    }
  } finally {
    db.close();
  }
}

/** Every outbox row on the queue exactly once with its answer; nothing on the queue from nowhere. */
async function checkOnQueue(
  queue: RunningQueueServer,
  projectId: string,
  username: string,
  file: string,
  acked: Acknowledged,
  seed: number,
): Promise<number> {
  const db = new Database(file, { readonly: true });
  let rows: { task_id: string; answer_json: string; state: string }[];
  try {
    rows = db.prepare('SELECT task_id, answer_json, state FROM outbox ORDER BY id').all() as typeof rows;
  } finally {
    db.close();
  }
  const results = (await queue.admin.listResults(projectId)).filter((result) => result.worker === username);
  const byTask = new Map<string, number>();
  for (const result of results) byTask.set(result.taskId, (byTask.get(result.taskId) ?? 0) + 1);
  for (const row of rows) {
    if (row.state !== 'done')
      fail(`the answer for ${row.task_id} is still ${row.state} after the final sync`, seed);
    const mine = results.filter((result) => result.taskId === row.task_id);
    if (mine.length !== 1) fail(`task ${row.task_id} is on the queue ${mine.length} times`, seed);
    if (!isDeepStrictEqual(mine[0]!.answer, JSON.parse(row.answer_json)))
      fail(`task ${row.task_id} has another answer on the queue`, seed);
  }
  if (results.length !== rows.length)
    fail(`the queue holds ${results.length} answers for ${rows.length} submitted`, seed);
  for (const taskId of acked.submitted.keys()) {
    if (byTask.get(taskId) !== 1) fail(`acknowledged answer for ${taskId} is not on the queue once`, seed);
  }
  return rows.length;
}

/** The stored answer is the checked one, with the kind's defaults filled in: what was sent must be in it. */
function sameAnswer(stored: unknown, sent: unknown): boolean {
  if (typeof stored !== 'object' || stored === null) return false;
  return Object.entries(sent as Record<string, unknown>).every(
    ([key, value]) => JSON.stringify((stored as Record<string, unknown>)[key]) === JSON.stringify(value),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { kills: { type: 'string', default: '1000' }, seed: { type: 'string' } },
  });
  const started = Date.now();
  runKillTest({
    kills: Number(values.kills),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    log: (line) => console.log(line),
  }).then(
    (report) => {
      console.log(JSON.stringify({ ...report, seconds: Math.round((Date.now() - started) / 1000) }));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
