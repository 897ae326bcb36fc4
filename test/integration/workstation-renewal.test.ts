/**
 * Lease renewal between a real workstation and a real queue (PostgreSQL, whose clock the test
 * plays): while online, the leases a HITer still needs are extended; one that ran out and passed
 * to someone else is flagged on the HITer's task, which is kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '../helpers/postgres';
import { startTestQueue, type TestQueue } from '../helpers/workstation/test-queue';
import {
  FAST_SYNC,
  MODERATION_SPEC,
  openWorkstation,
  reviewsJsonl,
  type TestWorkstation,
} from '../helpers/workstation/workstation-harness';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol/version';

const LEASE_SECONDS = 600;

describe.skipIf(!hasPostgres)('lease renewal against the queue [postgres]', () => {
  let root: string;
  let queue: TestQueue;
  let sql: pg.Client;
  let ws: TestWorkstation;
  let projectId: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'hitdesk-ws-renewal-'));
    queue = await startTestQueue(root);
    sql = new pg.Client({ connectionString: queue.databaseUrl });
    await sql.connect();
    for (const username of ['amina', 'bruno']) {
      await queue.admin.createUser({ username, password: `${username}-password`, displayName: username });
    }
    projectId = (await queue.admin.createProject({ ...MODERATION_SPEC, leaseSeconds: LEASE_SECONDS })).id;
    await queue.admin.importJsonl(projectId, reviewsJsonl(3, 'renew'));
    // Renewal on every pass, so `sync.now` renews.
    ws = await openWorkstation(join(root, 'laptop'), {
      defaultServerUrl: queue.url,
      syncTimings: { ...FAST_SYNC, renewIntervalMs: 0 },
    });
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
    await sql?.end();
    await queue?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('extends the leases still held, and flags the one that passed to someone else', async () => {
    const h = ws.handlers;
    await h['session.signIn']({ username: 'amina', password: 'amina-password' });
    const { tasks } = await h['batch.take']({ count: 2, projectId });
    const [lost, kept] = tasks.map((task) => task.taskId) as [string, string];
    await h['tasks.saveDraft']({ taskId: lost, draft: { decision: 'approve' } });
    // The pass the batch started (downloads, renewal) is over before the queue's clock moves.
    await h['sync.now'](undefined);

    // Days go by on the queue: one lease nearly over, the other over and taken by Bruno.
    await sql.query(`UPDATE tasks SET lease_expires_at = now() + interval '20 seconds' WHERE id = $1`, [
      kept,
    ]);
    await sql.query(`UPDATE tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [lost]);
    const bruno = await signIn('bruno');
    const leased = (await post(bruno, '/v1/leases', { count: 1, projectId })) as {
      tasks: { taskId: string }[];
    };
    expect(leased.tasks.map((task) => task.taskId)).toEqual([lost]);

    await h['sync.now'](undefined);
    const inbox = new Map((await h['tasks.list'](undefined)).map((task) => [task.taskId, task]));
    const soon = Date.now() + (LEASE_SECONDS - 60) * 1000;
    expect(Date.parse(inbox.get(kept)?.leaseExpiresAt ?? '')).toBeGreaterThan(soon);
    expect(inbox.get(kept)?.leaseLost).toBeUndefined();
    expect(inbox.get(lost)?.leaseLost).toBe(true);
    // Amina's draft on the lost task is kept: her answer would still be taken as late work.
    expect((await h['tasks.open']({ taskId: lost })).draft).toMatchObject({ decision: 'approve' });
    const server = await sql.query<{ id: string; expires: Date }>(
      `SELECT id, lease_expires_at AS expires FROM tasks WHERE id = $1`,
      [kept],
    );
    expect(server.rows[0]?.expires.getTime()).toBeGreaterThan(soon);
  });

  async function signIn(username: string): Promise<string> {
    const reply = await post(null, '/v1/auth/sign-in', { username, password: `${username}-password` });
    return (reply as { token: string }).token;
  }

  async function post(token: string | null, path: string, body: unknown) {
    const response = await fetch(`${queue.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  }
});
