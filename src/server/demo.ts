import { storeInstructionImages } from './import/instruction-images';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { projectSpecSchema, type ProjectSpec } from '../shared/domain/project';
import type { TaskKind } from '../shared/domain/task-kinds';
import { describeProblems, problemsOf } from '../shared/domain/common';
import { importItems } from './import/import-items';
import type { MediaLibrary } from './media/ingest';
import { createProject, findProjectByName } from './queue/projects';
import { createUser, findUserByUsername } from './queue/users';

/** The demo HITer. The password is public on purpose: the demo queue runs on the HITer's own laptop. */
export const DEMO_CREDENTIALS: { username: 'demo'; password: string } = {
  username: 'demo',
  password: 'hitdesk-demo',
};

/** A folder's items file: `items.jsonl`, or `reviews.jsonl` (the moderation project's, kept by that name). */
const ITEMS_FILES = ['items.jsonl', 'reviews.jsonl'] as const;

export type DemoProjectReport = {
  /** The folder the project came from, relative to the demo folder ('.' for the demo folder itself). */
  folder: string;
  name: string;
  kind: TaskKind;
  projectId: string;
  /** False when a project of that name was there already (it is left alone). */
  created: boolean;
  imported: number;
};

export type DemoSeedReport = { userCreated: boolean; projects: DemoProjectReport[] };

type DemoProjectSource = {
  folder: string;
  dir: string;
  itemsFile: string;
  spec: ProjectSpec;
  items: string;
};

/**
 * Seeds the demo HITer and every demo project of `demoDir` in one transaction: the demo folder's own
 * project.json (the text-moderation project), then each subfolder holding a project.json, in name
 * order. A folder's items file (items.jsonl) names its media files relative to that folder; they
 * are stored through the normal import path (thumbnails, peaks). Idempotent: what exists already
 * (user by username, project by name) is left alone, so a new demo folder adds only what is new.
 */
export async function seedDemo(media: MediaLibrary, demoDir: string): Promise<DemoSeedReport> {
  const sources = await readDemoProjects(demoDir);
  return media.db.transaction(async (tx) => {
    let userCreated = false;
    if (!(await findUserByUsername(tx, DEMO_CREDENTIALS.username))) {
      await createUser(tx, { ...DEMO_CREDENTIALS, displayName: 'Demo HITer', role: 'hitter' });
      userCreated = true;
    }
    const projects: DemoProjectReport[] = [];
    for (const [index, source] of sources.entries()) {
      projects.push(await seedProject({ db: tx, store: media.store }, source, index));
    }
    return { userCreated, projects };
  });
}

async function seedProject(
  library: MediaLibrary,
  source: DemoProjectSource,
  index: number,
): Promise<DemoProjectReport> {
  const tx = library.db;
  const about = { folder: source.folder, name: source.spec.name, kind: source.spec.kind };
  const existing = await findProjectByName(tx, source.spec.name);
  if (existing) return { ...about, projectId: existing.id, created: false, imported: 0 };
  // Example images in the instructions name files in the project's folder, as the CLI's --media-dir.
  const instructions = await storeInstructionImages(library, source.spec.instructions, source.dir).catch(
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${join(source.dir, 'project.json')}: ${message}`, { cause: error });
    },
  );
  const project = await createProject(tx, { ...source.spec, instructions });
  // One transaction gives every project the same now(); the queue hands out the oldest project's
  // tasks first, so a distinct time per project keeps the folder order (moderation first).
  await tx.query(
    `UPDATE projects SET created_at = created_at + make_interval(secs => $2::double precision)
     WHERE id = $1`,
    [project.id, index / 1000],
  );
  try {
    const report = await importItems(tx, project.id, source.items, {
      strict: true,
      media: { library, folder: source.dir },
    });
    return { ...about, projectId: project.id, created: true, imported: report.imported };
  } catch (error) {
    throw new Error(`${source.itemsFile}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Every demo project's spec and items, read and checked before anything is written. */
export async function readDemoProjects(demoDir: string): Promise<DemoProjectSource[]> {
  const entries = await readdir(demoDir, { withFileTypes: true }).catch((error: Error) => {
    throw new Error(`cannot read the demo folder ${demoDir}: ${error.message}`, { cause: error });
  });
  const subfolders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const sources: DemoProjectSource[] = [];
  for (const folder of ['.', ...subfolders]) {
    const dir = folder === '.' ? demoDir : join(demoDir, folder);
    // A folder without a project.json (notes, media only) is not a project.
    if (!(await isFile(join(dir, 'project.json')))) continue;
    sources.push(await readDemoProject(folder, dir));
  }
  if (sources.length === 0) throw new Error(`no demo project (project.json) in ${demoDir}`);
  const names = new Map<string, string>();
  for (const source of sources) {
    const earlier = names.get(source.spec.name);
    if (earlier !== undefined) {
      throw new Error(`the demo projects in ${earlier} and ${source.folder} have the same name`);
    }
    names.set(source.spec.name, source.folder);
  }
  return sources;
}

async function readDemoProject(folder: string, dir: string): Promise<DemoProjectSource> {
  const projectFile = join(dir, 'project.json');
  let json: unknown;
  try {
    json = JSON.parse(await readText(projectFile));
  } catch (error) {
    throw new Error(`${projectFile}: ${(error as Error).message}`, { cause: error });
  }
  const spec = projectSpecSchema.safeParse(json);
  if (!spec.success) throw new Error(`${projectFile}: ${describeProblems(problemsOf(spec.error))}`);
  let itemsFile: string | null = null;
  for (const name of ITEMS_FILES) {
    if (await isFile(join(dir, name))) {
      itemsFile = join(dir, name);
      break;
    }
  }
  if (!itemsFile) throw new Error(`${dir}: no items file (${ITEMS_FILES.join(' or ')}) beside project.json`);
  return { folder, dir, itemsFile, spec: spec.data, items: await readText(itemsFile) };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the demo file ${path}: ${(error as Error).message}`, { cause: error });
  }
}
