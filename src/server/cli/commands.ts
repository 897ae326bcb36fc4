import { readFile, writeFile } from 'node:fs/promises';
import { ROLES, roleSchema } from '../../shared/domain/common';
import { projectSpecSchema } from '../../shared/domain/project';
import { seedDemo } from '../demo';
import { ApiError, invalidInputFromZod } from '../errors';
import { EXPORT_FORMATS, formatResults, type ExportFormat } from '../export';
import { importItems } from '../queue/import-items';
import { createProject } from '../queue/projects';
import { listAllResults } from '../queue/results';
import { createUser } from '../queue/users';
import { CliError, optionalString, requireString, type Command } from './command';
import { databaseHelp, databaseOptions, withDatabase } from './database-options';
import { serveCommand } from './serve';

async function readText(path: string): Promise<string> {
  if (path === '-') return readStdin();
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs `work`, prefixing an import error (`line 3: …`) with the file it is about. */
async function aboutFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid_import')
      throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

const userCreate: Command = {
  name: 'user:create',
  summary: 'create an account (a HITer unless --role says otherwise)',
  usage:
    'user:create --username <name> --password <password|-> [--display-name <text>] [--role hitter|supervisor|admin]',
  help: [
    '--username <name>      2–64 letters, digits, dot, dash or underscore (stored in lower case)',
    '--password <password>  at least 8 characters; "-" reads it from standard input (keeps it out of shell history)',
    '--display-name <text>  the name shown in the app (default: the username)',
    `--role <role>          ${ROLES.join(' | ')} (default hitter)`,
    ...databaseHelp,
  ],
  options: {
    ...databaseOptions,
    username: { type: 'string' },
    password: { type: 'string' },
    'display-name': { type: 'string' },
    role: { type: 'string' },
  },
  async run(values, io) {
    const username = requireString(values, 'username');
    const passwordOption = requireString(values, 'password');
    const password = passwordOption === '-' ? (await readStdin()).replace(/\r?\n$/, '') : passwordOption;
    const role = roleSchema.safeParse(optionalString(values, 'role') ?? 'hitter');
    if (!role.success) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2);
    const displayName = optionalString(values, 'display-name');
    const user = await withDatabase(values, io, (db) =>
      createUser(db, { username, password, role: role.data, ...(displayName ? { displayName } : {}) }),
    );
    io.out(`created ${user.role} "${user.username}" (${user.displayName}), id ${user.id}\n`);
    return 0;
  },
};

const projectCreate: Command = {
  name: 'project:create',
  summary: 'create a project from a JSON spec and print its id',
  usage: 'project:create --file <spec.json>',
  help: [
    '--file <spec.json>     the project spec (name, kind, config, instructions…); "-" for standard input',
    ...databaseHelp,
  ],
  options: { ...databaseOptions, file: { type: 'string' } },
  async run(values, io) {
    const file = requireString(values, 'file');
    const text = await readText(file);
    let spec: unknown;
    try {
      spec = JSON.parse(text);
    } catch (error) {
      throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    // Checked before the database is opened: a bad spec fails fast and touches nothing.
    const parsed = projectSpecSchema.safeParse(spec);
    if (!parsed.success) throw new CliError(`${file}: ${invalidInputFromZod(parsed.error).message}`);
    const project = await withDatabase(values, io, (db) => createProject(db, parsed.data));
    io.out(`${project.id}\n`);
    return 0;
  },
};

const importCommand: Command = {
  name: 'import',
  summary: 'import items from a JSONL file into a project (all or nothing)',
  usage: 'import --project <id> --file <items.jsonl>',
  help: [
    '--project <id>         the project id (from project:create)',
    '--file <items.jsonl>   one {"id"?: "...", "data": {...}} a line; "-" for standard input',
    ...databaseHelp,
  ],
  options: { ...databaseOptions, project: { type: 'string' }, file: { type: 'string' } },
  async run(values, io) {
    const projectId = requireString(values, 'project');
    const file = requireString(values, 'file');
    const text = await readText(file);
    const report = await aboutFile(file, () =>
      withDatabase(values, io, (db) => importItems(db, projectId, text)),
    );
    io.out(`imported ${report.imported} items, ${report.tasksCreated} tasks created\n`);
    return 0;
  },
};

const exportCommand: Command = {
  name: 'export',
  summary: "write a project's results as JSONL or CSV",
  usage: 'export --project <id> [--format jsonl|csv] [--out <file>]',
  help: [
    '--project <id>         the project id',
    '--format <format>      jsonl (default) or csv (opens in a spreadsheet; one column per answer field)',
    '--out <file>           write there instead of standard output',
    ...databaseHelp,
  ],
  options: {
    ...databaseOptions,
    project: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, io) {
    const projectId = requireString(values, 'project');
    const format = (optionalString(values, 'format') ?? 'jsonl') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format))
      throw new CliError(`--format must be ${EXPORT_FORMATS.join(' or ')}`, 2);
    const results = await withDatabase(values, io, (db) => listAllResults(db, projectId));
    const text = formatResults(results, format);
    const out = optionalString(values, 'out');
    if (out) {
      await writeFile(out, text, 'utf8');
      io.err(`exported ${results.length} results to ${out}\n`);
    } else {
      io.out(text);
    }
    return 0;
  },
};

const demoSeed: Command = {
  name: 'demo:seed',
  summary: 'add the demo HITer and the demo project (once; running it again adds nothing)',
  usage: 'demo:seed [--demo-dir resources/demo]',
  help: [
    '--demo-dir <dir>       folder with project.json and reviews.jsonl (default resources/demo)',
    ...databaseHelp,
  ],
  options: { ...databaseOptions, 'demo-dir': { type: 'string' } },
  async run(values, io) {
    const demoDir = optionalString(values, 'demo-dir') ?? 'resources/demo';
    const report = await withDatabase(values, io, (db) => seedDemo(db, demoDir));
    io.out(
      `${report.userCreated ? 'created' : 'kept'} the demo HITer; ` +
        (report.projectCreated
          ? `created the demo project ${report.projectId} with ${report.imported} items\n`
          : `the demo project ${report.projectId} was already there\n`),
    );
    return 0;
  },
};

export const COMMANDS: readonly Command[] = [
  serveCommand,
  userCreate,
  projectCreate,
  importCommand,
  exportCommand,
  demoSeed,
];
