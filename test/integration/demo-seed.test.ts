/**
 * The shipped demo (resources/demo): one project per kind of task, seeded with its media into an
 * embedded queue through the normal import path, once; a demo HITer can take tasks of every kind.
 */
import { instructionImages } from '../../src/shared/domain/instructions';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, readDemoProjects, type DemoSeedReport } from '../../src/server/demo';
import { startDemoQueueServer, type RunningQueueServer } from '../../src/server/embed';
import { localMediaStore } from '../../src/server/media/store';
import { startServer } from '../../src/server/server';
import { TASK_KINDS } from '../../src/shared/domain/task-kinds';
import type { LeasedTask } from '../../src/shared/domain/task';
import { callApi, freshPgliteDir } from './server-harness';

const DEMO_DIR = join(process.cwd(), 'resources/demo');
const MODERATION = 'Customer reviews — moderation / Avis clients — modération';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function lineCount(file: string): number {
  return readFileSync(file, 'utf8').trim().split('\n').length;
}

/** Seeds `demoDir` into the queue in `dataDir` as the demo server does, and returns the report. */
async function seedOnce(dataDir: string, demoDir: string): Promise<DemoSeedReport> {
  let report: DemoSeedReport | null = null;
  const server = await startServer({
    dataDir,
    prepare: async (db) => {
      report = await seedDemo({ db, store: localMediaStore(join(dataDir, 'media')) }, demoDir);
    },
  });
  await server.close();
  if (!report) throw new Error('the demo was not seeded');
  return report;
}

async function signIn(url: string, body: { username: string; password: string }): Promise<string> {
  const reply = await callApi(url, 'signIn', { body });
  expect(reply.status).toBe(200);
  return reply.data.token;
}

describe('the shipped demo folder', () => {
  it('has a bilingual project of every kind, the moderation project first, in under 2 MB', async () => {
    const sources = await readDemoProjects(DEMO_DIR);
    expect(sources[0]).toMatchObject({ folder: '.', spec: { name: MODERATION, kind: 'text_moderation' } });
    expect(new Set(sources.map((source) => source.spec.kind))).toEqual(new Set(TASK_KINDS));
    expect(sources.filter((source) => source.spec.kind === 'form')).toHaveLength(2);
    for (const { spec } of sources) {
      expect(spec.instructions, spec.name).toContain('## English');
      expect(spec.instructions, spec.name).toContain('## Français');
      expect(spec.name, spec.name).toMatch(/ \/ /); // "English name / nom français"
    }
    const image = sources.find((source) => source.spec.kind === 'image')?.spec;
    if (image?.kind !== 'image') throw new Error('no image project');
    expect(image.config.labels.length).toBeGreaterThanOrEqual(3);
    for (const label of image.config.labels) {
      expect(label.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(label.hotkey).toMatch(/^[1-9]$/);
      expect(label.label.fr, label.code).toBeTruthy();
    }
    expect(new Set(image.config.labels.flatMap((label) => label.shapes))).toEqual(
      new Set(['box', 'polygon', 'point']),
    );
    expect(image.config.classification?.options.length).toBeGreaterThanOrEqual(2);

    const bytes = filesUnder(DEMO_DIR).reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('the demo queue, seeded from an empty folder', () => {
  let dataDir: { dir: string; cleanup(): Promise<void> };
  let demo: RunningQueueServer & { credentials: { username: string; password: string } };
  let projects: Array<{ id: string; name: string; kind: string; itemCount: number; taskCount: number }>;
  const sourcesPromise = readDemoProjects(DEMO_DIR);

  beforeAll(async () => {
    dataDir = await freshPgliteDir();
    demo = await startDemoQueueServer({ dataDir: dataDir.dir, demoDir: DEMO_DIR });
    await demo.admin.createUser({ username: 'demo-admin', password: 'admin-pass', role: 'admin' });
    const token = await signIn(demo.url, { username: 'demo-admin', password: 'admin-pass' });
    projects = (await callApi(demo.url, 'listProjects', { token })).data.projects;
  });
  afterAll(async () => {
    await demo?.close();
    await dataDir?.cleanup();
  });

  it('holds every demo project with all of its items', async () => {
    const sources = await sourcesPromise;
    expect(projects.map((project) => project.name).sort()).toEqual(
      sources.map((source) => source.spec.name).sort(),
    );
    for (const source of sources) {
      const project = projects.find((entry) => entry.name === source.spec.name);
      const lines = lineCount(source.itemsFile);
      expect(project, source.folder).toMatchObject({
        kind: source.spec.kind,
        itemCount: lines,
        taskCount: lines,
      });
    }
  });

  it('lets the demo HITer take tasks of every kind, with their media stored and described', async () => {
    const token = await signIn(demo.url, demo.credentials);
    // Without a project, the oldest first: the moderation project, as before.
    const first = await callApi(demo.url, 'leaseTasks', { token, body: { count: 3 } });
    expect(first.data.tasks.map((task) => task.projectName)).toEqual([MODERATION, MODERATION, MODERATION]);

    const leased: LeasedTask[] = [];
    for (const project of projects.filter((entry) => entry.kind !== 'text_moderation')) {
      const reply = await callApi(demo.url, 'leaseTasks', {
        token,
        body: { count: 50, projectId: project.id },
      });
      expect(reply.status, project.name).toBe(200);
      expect(reply.data.tasks, project.name).toHaveLength(project.taskCount);
      expect(new Set(reply.data.tasks.map((task) => task.kind))).toEqual(new Set([project.kind]));
      leased.push(...reply.data.tasks);
    }

    const shas = new Set<string>();
    for (const task of leased) {
      if (task.kind === 'image') {
        // The photos' instructions show their example image, stored from the demo folder.
        for (const example of instructionImages(task.instructions)) shas.add(example);
        expect(instructionImages(task.instructions)).toHaveLength(1);
        expect(task.data.image.thumbnail?.sha256).toMatch(/^[a-f0-9]{64}$/);
        expect(task.data.image.width).toBeGreaterThan(100);
        shas.add(task.data.image.sha256);
      } else if (task.kind === 'audio_transcription' || task.kind === 'audio_validation') {
        expect(task.data.audio.peaks?.sha256).toMatch(/^[a-f0-9]{64}$/);
        expect(task.data.audio.durationMs).toBeGreaterThan(500);
        expect(task.data.audio.durationMs).toBeLessThan(10_000);
        shas.add(task.data.audio.sha256);
      } else if (task.kind === 'form' && task.data.context.image) {
        expect(task.data.context.image.thumbnail?.sha256).toMatch(/^[a-f0-9]{64}$/);
        shas.add(task.data.context.image.sha256);
      }
    }
    const validation = leased.filter((task) => task.kind === 'audio_validation');
    expect(new Set(validation.map((task) => task.data.language))).toEqual(new Set(['en', 'fr']));
    const recording = leased.filter((task) => task.kind === 'audio_recording');
    expect(new Set(recording.flatMap((task) => task.data.prompts.map((p) => p.language)))).toEqual(
      new Set(['en', 'fr']),
    );
    const research = leased.filter((task) => task.kind === 'form' && task.data.context.url);
    expect(research.length).toBeGreaterThanOrEqual(2);

    // Every media file the tasks name is served as the very bytes of a file in the demo folder.
    const onDisk = new Set(
      filesUnder(DEMO_DIR)
        .filter((file) => /\.(png|jpe?g|wav)$/.test(file))
        .map((file) => createHash('sha256').update(readFileSync(file)).digest('hex')),
    );
    expect(shas.size).toBeGreaterThanOrEqual(10);
    for (const sha256 of shas) {
      expect(onDisk.has(sha256), sha256).toBe(true);
      const file = await callApi(demo.url, 'getMedia', { token, params: { sha256 } });
      expect(file.status).toBe(200);
      expect(
        createHash('sha256')
          .update(file.data as Uint8Array)
          .digest('hex'),
      ).toBe(sha256);
    }
  });
});

describe('seeding again', () => {
  let root: string;
  let dataDir: { dir: string; cleanup(): Promise<void> };
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'hitdesk-demo-seed-'));
    dataDir = await freshPgliteDir();
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await dataDir?.cleanup();
  });

  it('adds only the projects the folder gained, and nothing the second time', async () => {
    // An older demo: the moderation project alone.
    const demoDir = join(root, 'demo');
    mkdirSync(demoDir);
    for (const file of ['project.json', 'reviews.jsonl']) cpSync(join(DEMO_DIR, file), join(demoDir, file));
    const before = await seedOnce(dataDir.dir, demoDir);
    expect(before.userCreated).toBe(true);
    expect(before.projects).toMatchObject([
      { folder: '.', created: true, imported: lineCount(join(demoDir, 'reviews.jsonl')) },
    ]);

    cpSync(join(DEMO_DIR, '1-image-annotation'), join(demoDir, '1-image-annotation'), { recursive: true });
    const upgraded = await seedOnce(dataDir.dir, demoDir);
    expect(upgraded.userCreated).toBe(false);
    expect(upgraded.projects.map((project) => [project.kind, project.created])).toEqual([
      ['text_moderation', false],
      ['image', true],
    ]);
    expect(upgraded.projects[0]?.projectId).toBe(before.projects[0]?.projectId);
    expect(upgraded.projects[1]?.imported).toBe(lineCount(join(demoDir, '1-image-annotation/items.jsonl')));

    const again = await seedOnce(dataDir.dir, demoDir);
    expect(again.projects.map((project) => [project.created, project.imported])).toEqual([
      [false, 0],
      [false, 0],
    ]);
    expect(again.projects.map((project) => project.projectId)).toEqual(
      upgraded.projects.map((project) => project.projectId),
    );
  });

  it('refuses a project whose items name a missing file, naming it, and adds nothing', async () => {
    const demoDir = join(root, 'broken');
    mkdirSync(join(demoDir, '1-photos'), { recursive: true });
    for (const file of ['project.json', 'reviews.jsonl']) cpSync(join(DEMO_DIR, file), join(demoDir, file));
    cpSync(join(DEMO_DIR, '1-image-annotation/project.json'), join(demoDir, '1-photos/project.json'));
    writeFileSync(
      join(demoDir, '1-photos/items.jsonl'),
      '{"id":"gone","data":{"image":"media/missing.jpg"}}\n',
    );
    const fresh = await freshPgliteDir();
    try {
      // The instructions' example image is missing too: named first, with the line it is on.
      await expect(seedOnce(fresh.dir, demoDir)).rejects.toThrow(
        /1-photos\/project\.json: instructions, line \d+: no file "examples\/cat-example\.jpg"/,
      );
      cpSync(join(DEMO_DIR, '1-image-annotation/examples'), join(demoDir, '1-photos/examples'), {
        recursive: true,
      });
      await expect(seedOnce(fresh.dir, demoDir)).rejects.toThrow(
        /1-photos\/items\.jsonl: line 1: .*missing\.jpg/,
      );
      // All or nothing: not even the moderation project or the demo HITer came in.
      const demoDirOk = join(root, 'ok');
      mkdirSync(demoDirOk);
      for (const file of ['project.json', 'reviews.jsonl'])
        cpSync(join(DEMO_DIR, file), join(demoDirOk, file));
      const after = await seedOnce(fresh.dir, demoDirOk);
      expect(after.userCreated).toBe(true);
      expect(after.projects[0]?.created).toBe(true);
    } finally {
      await fresh.cleanup();
    }
  });
});
