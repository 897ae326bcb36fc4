import { newCentreSchema } from '../../shared/protocol/accounts';
import { createCentre } from '../accounts/accounts';
import type { Db } from '../db/db';
import { invalidInputFromZod } from '../errors';
import { allProjects, isProjectId, noSuchProject } from '../queue/projects';
import { CliError, requireString, type Command } from './command';
import { printJson } from './cli-support';
import { databaseHelp, databaseOptions, withDatabase } from './database-options';

export const centreCreate: Command = {
  name: 'centre:create',
  summary: 'create a partner centre (where HITers, trainers and supervisors work) and print its id',
  usage: 'centre:create --name <name> --country <CC>',
  help: [
    '--name <name>          the centre\'s name, unique (e.g. "Lomé — Bè")',
    '--country <CC>         ISO 3166 two-letter country code, upper case (TG, KM, VE, MY, FR…)',
    ...databaseHelp,
  ],
  options: { ...databaseOptions, name: { type: 'string' }, country: { type: 'string' } },
  async run(values, io) {
    const input = newCentreSchema.safeParse({
      name: requireString(values, 'name'),
      country: requireString(values, 'country'),
    });
    if (!input.success) throw new CliError(invalidInputFromZod(input.error).message, 2);
    const centre = await withDatabase(values, io, (db) => createCentre(db, input.data));
    io.out(`${centre.id}\n`);
    return 0;
  },
};

type ListedProject = { id: string; name: string; kind: string; active: boolean };

export const projectList: Command = {
  name: 'project:list',
  summary: 'list the projects, newest first: id, kind, active or paused, done/tasks, name',
  usage: 'project:list [--json]',
  help: ['--json                 the full projects as JSON (with "active")', ...databaseHelp],
  options: { ...databaseOptions, json: { type: 'boolean' } },
  async run(values, io) {
    const listed = await withDatabase(values, io, async (db) => {
      const projects = await allProjects(db);
      const active = await db.query<{ id: string; active: boolean }>('SELECT id, active FROM projects');
      const isActive = new Map(active.map((row) => [row.id, row.active]));
      return projects.map((project) => ({ ...project, active: isActive.get(project.id) ?? true }));
    });
    if (values.json === true) {
      io.out(printJson(listed));
      return 0;
    }
    for (const project of listed) {
      io.out(
        `${project.id}  ${project.kind.padEnd(19)}  ${project.active ? 'active' : 'paused'}  ` +
          `${project.doneCount}/${project.taskCount}  ${project.name}\n`,
      );
    }
    if (listed.length === 0) io.err('no projects yet: create one with project:create\n');
    return 0;
  },
};

async function setActive(db: Db, projectId: string, active: boolean): Promise<ListedProject> {
  if (!isProjectId(projectId)) throw noSuchProject(projectId);
  const [row] = await db.query<ListedProject>(
    'UPDATE projects SET active = $2 WHERE id = $1 RETURNING id, name, kind, active',
    [projectId, active],
  );
  if (!row) throw noSuchProject(projectId);
  return row;
}

function activeCommand(active: boolean): Command {
  const name = active ? 'project:resume' : 'project:pause';
  return {
    name,
    summary: active
      ? 'let HITers take tasks of a paused project again'
      : 'stop handing out tasks of a project (leases held stay valid; work in hand may still be sent)',
    usage: `${name} --project <id>`,
    help: ['--project <id>         the project id (see project:list)', ...databaseHelp],
    options: { ...databaseOptions, project: { type: 'string' } },
    async run(values, io) {
      const projectId = requireString(values, 'project');
      const project = await withDatabase(values, io, (db) => setActive(db, projectId, active));
      io.out(`${active ? 'resumed' : 'paused'} project ${project.id} (${project.name})\n`);
      return 0;
    },
  };
}

export const projectPause = activeCommand(false);
export const projectResume = activeCommand(true);
