import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectSpecSchema } from '../shared/domain/project';
import type { Db } from './db/db';
import { describeProblems, problemsOf } from '../shared/domain/common';
import { importItems } from './import/import-items';
import { createProject, findProjectByName } from './queue/projects';
import { createUser, findUserByUsername } from './queue/users';

/** The demo HITer. The password is public on purpose: the demo queue runs on the HITer's own laptop. */
export const DEMO_CREDENTIALS: { username: 'demo'; password: string } = {
  username: 'demo',
  password: 'hitdesk-demo',
};

export type DemoSeedReport = {
  userCreated: boolean;
  projectCreated: boolean;
  projectId: string;
  imported: number;
};

/**
 * Seeds the demo HITer and the demo project from `demoDir` (project.json, reviews.jsonl) in one
 * transaction. Idempotent: what exists already (user by username, project by name) is left alone.
 */
export async function seedDemo(db: Db, demoDir: string): Promise<DemoSeedReport> {
  const projectFile = join(demoDir, 'project.json');
  const itemsFile = join(demoDir, 'reviews.jsonl');
  const spec = projectSpecSchema.safeParse(JSON.parse(await readText(projectFile)));
  if (!spec.success) throw new Error(`${projectFile}: ${describeProblems(problemsOf(spec.error))}`);
  const items = await readText(itemsFile);

  return db.transaction(async (tx) => {
    let userCreated = false;
    if (!(await findUserByUsername(tx, DEMO_CREDENTIALS.username))) {
      await createUser(tx, { ...DEMO_CREDENTIALS, displayName: 'Demo HITer', role: 'hitter' });
      userCreated = true;
    }
    const existing = await findProjectByName(tx, spec.data.name);
    if (existing) return { userCreated, projectCreated: false, projectId: existing.id, imported: 0 };
    const project = await createProject(tx, spec.data);
    try {
      const report = await importItems(tx, project.id, items, { strict: true });
      return { userCreated, projectCreated: true, projectId: project.id, imported: report.imported };
    } catch (error) {
      throw new Error(`${itemsFile}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  });
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the demo file ${path}: ${(error as Error).message}`, { cause: error });
  }
}
