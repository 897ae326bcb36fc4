/**
 * The kill test in the suite: 200 SIGKILLs of a workstation process in the middle of autosaving
 * and submitting (see test/helpers/workstation/kill-run.ts, which also runs 1,000 from the command
 * line). After each: integrity_check ok, no acknowledged draft or answer lost; after the final
 * sync: every answer on the queue exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKillTest } from '../helpers/workstation/kill-run';
import { startTestQueue, type TestQueue } from '../helpers/workstation/test-queue';

const KILLS = Number(process.env.HITDESK_KILLS ?? 200);

let root: string;
let queue: TestQueue;

beforeAll(async () => {
  root = mkdtempSync(`${tmpdir()}/hitdesk-ws-kill-`);
  queue = await startTestQueue(root);
}, 120_000);
afterAll(async () => {
  await queue?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the workstation killed at random moments', () => {
  it(`keeps every acknowledged edit and answer through ${KILLS} SIGKILLs, and sends each answer once`, async () => {
    const report = await runKillTest({ kills: KILLS, queue });
    expect(report.kills).toBe(KILLS);
    // The kills really landed in the middle of the work under test.
    expect(report.killedDuring.autosave ?? 0).toBeGreaterThan(KILLS / 10);
    expect((report.killedDuring.submit ?? 0) + (report.killedDuring.autosave ?? 0)).toBeGreaterThan(
      KILLS / 4,
    );
    expect(report.submissionsAcknowledged).toBeGreaterThan(KILLS / 10);
    expect(report.answersSent).toBeGreaterThanOrEqual(report.submissionsAcknowledged);
  }, 3_600_000);
});
