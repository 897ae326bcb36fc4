import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoQueueServer, startQueueServer } from '../../src/server/embed';
import { projectSpecSchema } from '../../src/shared/domain/project';
import { textModerationItemSchema } from '../../src/shared/domain/kinds/text-moderation';
import { callApi, freshPgliteDir } from './server-harness';

const DEMO_DIR = join(process.cwd(), 'resources/demo');

describe('demo data', () => {
  it('is a valid project with reasons in English and French and about 40 reviews', () => {
    const spec = projectSpecSchema.parse(JSON.parse(readFileSync(join(DEMO_DIR, 'project.json'), 'utf8')));
    if (spec.kind !== 'text_moderation')
      throw new Error(`the demo is a text_moderation project, not ${spec.kind}`);
    expect(spec.config.reasons.map((reason) => reason.code)).toEqual(
      expect.arrayContaining(['insult', 'personal_data', 'spam', 'off_topic', 'not_a_review']),
    );
    expect(spec.instructions).toContain('## English');
    expect(spec.instructions).toContain('## Français');
    const lines = readFileSync(join(DEMO_DIR, 'reviews.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(35);
    const items = lines.map((line) => JSON.parse(line) as { id: string; data: unknown });
    for (const item of items) textModerationItemSchema.parse(item.data);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    const languages = new Set(items.map((item) => (item.data as { language: string }).language));
    expect(languages).toEqual(new Set(['en', 'fr']));
  });
});

describe('demo queue server (PGlite, from an empty folder)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hitdesk-demo-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo HITer and project once, and lets the HITer work', async () => {
    const first = await startDemoQueueServer({ dataDir, demoDir: DEMO_DIR });
    let taskCount: number;
    try {
      expect(first.credentials.username).toBe('demo');
      expect(first.credentials.password.length).toBeGreaterThanOrEqual(8);
      const signIn = await callApi(first.url, 'signIn', { body: first.credentials });
      expect(signIn.status).toBe(200);
      expect(signIn.data.user.role).toBe('hitter');
      const leased = await callApi(first.url, 'leaseTasks', { token: signIn.data.token, body: { count: 5 } });
      expect(leased.data.tasks).toHaveLength(5);
      expect(leased.data.tasks[0]?.projectName).toBe(
        'Customer reviews — moderation / Avis clients — modération',
      );
      expect(leased.data.tasks[0]?.externalId).toBeNull();
      taskCount = readFileSync(join(DEMO_DIR, 'reviews.jsonl'), 'utf8').trim().split('\n').length;
    } finally {
      await first.close();
    }

    // A second start on the same folder adds nothing, and the first one's work is still there.
    const second = await startDemoQueueServer({ dataDir, demoDir: DEMO_DIR });
    try {
      const admin = await second.admin.createUser({
        username: 'demo-admin',
        password: 'admin-pass',
        role: 'admin',
      });
      expect(admin.role).toBe('admin');
      const signIn = await callApi(second.url, 'signIn', {
        body: { username: 'demo-admin', password: 'admin-pass' },
      });
      const projects = await callApi(second.url, 'listProjects', { token: signIn.data.token });
      // The moderation project once (the demo's projects of other kinds: demo-seed.test.ts).
      const moderation = projects.data.projects.filter((project) => project.kind === 'text_moderation');
      expect(moderation).toHaveLength(1);
      expect(moderation[0]).toMatchObject({ itemCount: taskCount, taskCount });
      const demo = await callApi(second.url, 'signIn', { body: second.credentials });
      const more = await callApi(second.url, 'leaseTasks', {
        token: demo.data.token,
        body: { count: 50, projectId: moderation[0]?.id },
      });
      expect(more.data.tasks).toHaveLength(taskCount - 5);
    } finally {
      await second.close();
    }
  });

  it('refuses a second server on a folder in use, and frees it on close', async () => {
    const running = await startQueueServer({ dataDir });
    await expect(startQueueServer({ dataDir })).rejects.toThrow('another HITdesk queue server is using');
    await running.close();
    const again = await startQueueServer({ dataDir, port: running.port });
    expect(again.port).toBe(running.port); // the port is free again too
    await again.close();
  });

  it('names the port when it is taken', async () => {
    const holder = await startQueueServer({ dataDir });
    const other = await freshPgliteDir();
    try {
      await expect(
        startDemoQueueServer({ dataDir: other.dir, demoDir: DEMO_DIR, port: holder.port }),
      ).rejects.toThrow(`port ${holder.port} on 127.0.0.1 is already in use`);
      // The failed start released its own folder.
      const reopened = await startQueueServer({ dataDir: other.dir });
      await reopened.close();
    } finally {
      await holder.close();
      await other.cleanup();
    }
  });
});
