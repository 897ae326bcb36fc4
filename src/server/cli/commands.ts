import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { codeSchema, ROLES, roleSchema } from '../../shared/domain/common';
import { newCentreSchema } from '../../shared/protocol/accounts';
import { createCentre } from '../accounts/accounts';
import type { Db } from '../db/db';
import { projectSpecSchema } from '../../shared/domain/project';
import { seedDemo } from '../demo';
import { ApiError, invalidInputFromZod } from '../errors';
import { exportProject } from '../export';
import { EXPORT_FORMATS, type ExportFormatName } from '../../shared/protocol/endpoints';
import { importItems } from '../import/import-items';
import { storeInstructionImages } from '../import/instruction-images';
import { folderManifest } from '../import/media-folder';
import { MediaFieldError } from '../import/resolve-media';
import { IMPORT_FORMATS, type ImportFormat } from '../import/read-records';
import type { TaskKind } from '../../shared/domain/task-kinds';
import { createProject, isProjectId, noSuchProject } from '../queue/projects';
import { createUser } from '../queue/users';
import { CliError, optionalString, requireString, type Command } from './command';
import { databaseHelp, databaseOptions, withDatabase, withServices } from './database-options';
import { serveCommand } from './serve';
import { centreCreate, projectList, projectPause, projectResume } from './centre-project-commands';
import { balancesCommand, impactCommand, sweepCommand } from './report-commands';
import { reviewList, reviewVerdict } from './review-commands';

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
  summary: 'create an account (a HITer unless --role says otherwise), in a partner centre',
  usage:
    'user:create --username <name> --password <password|-> [--display-name <text>] [--role hitter|trainer|supervisor|admin] [--centre <id|name> [--country <CC>]] [--skills a,b]',
  help: [
    '--username <name>      2–64 letters, digits, dot, dash or underscore (stored in lower case)',
    '--password <password>  at least 8 characters; "-" reads it from standard input (keeps it out of shell history)',
    '--display-name <text>  the name shown in the app (default: the username)',
    `--role <role>          ${ROLES.join(' | ')} (default hitter)`,
    '--centre <id|name>     the partner centre they work in (see centre:create); with --country, a centre',
    '                       of that name is created when missing, and an existing one must be in that country.',
    '                       Supervisors review, and trainers see, the people of their own centre; data',
    "                       residency admits people by their centre's country or the centre itself",
    "--country <CC>         the centre's country (ISO 3166, e.g. TG), with --centre",
    '--skills <a,b>         skill codes a project may require (lower case, comma-separated: transcription_fr)',
    ...databaseHelp,
  ],
  options: {
    ...databaseOptions,
    username: { type: 'string' },
    password: { type: 'string' },
    'display-name': { type: 'string' },
    role: { type: 'string' },
    centre: { type: 'string' },
    country: { type: 'string' },
    skills: { type: 'string' },
  },
  async run(values, io) {
    const username = requireString(values, 'username');
    const passwordOption = requireString(values, 'password');
    const role = roleSchema.safeParse(optionalString(values, 'role') ?? 'hitter');
    if (!role.success) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2);
    const centre = optionalString(values, 'centre');
    const country = optionalString(values, 'country');
    if (country !== undefined && centre === undefined) {
      throw new CliError('--country goes with --centre (a person is in a country through their centre)', 2);
    }
    const skillsText = optionalString(values, 'skills');
    const skills = skillsText
      ?.split(',')
      .map((skill) => skill.trim())
      .filter((skill) => skill !== '');
    const badSkill = skills?.find((skill) => !codeSchema.safeParse(skill).success);
    if (badSkill !== undefined) {
      throw new CliError(`--skills: "${badSkill}" is not a skill code (lower case letters, digits, _)`, 2);
    }
    const password = passwordOption === '-' ? (await readStdin()).replace(/\r?\n$/, '') : passwordOption;
    const displayName = optionalString(values, 'display-name');
    const { user, centreNote } = await withDatabase(values, io, async (db) => {
      const found = centre === undefined ? null : await centreFor(db, centre, country);
      const created = await createUser(db, {
        username,
        password,
        role: role.data,
        ...(displayName ? { displayName } : {}),
        ...(found ? { centreId: found.id } : {}),
        ...(skills ? { skills } : {}),
      });
      return { user: created, centreNote: found ? ` in ${found.name} (${found.country})` : '' };
    });
    io.out(`created ${user.role} "${user.username}" (${user.displayName})${centreNote}, id ${user.id}\n`);
    return 0;
  },
};

/** The centre named by id or name; created when missing and a country is given. */
async function centreFor(
  db: Db,
  centre: string,
  country: string | undefined,
): Promise<{ id: string; name: string; country: string }> {
  const [row] = await db.query<{ id: string; name: string; country: string }>(
    `SELECT id, name, country FROM centres WHERE id::text = $1 OR name = $1 ORDER BY (id::text = $1) DESC LIMIT 1`,
    [centre.trim()],
  );
  if (row) {
    if (country !== undefined && row.country !== country) {
      throw new CliError(`the centre "${row.name}" is in ${row.country}, not ${country}`);
    }
    return row;
  }
  if (country === undefined) {
    throw new CliError(
      `no partner centre "${centre}": create it with centre:create, or add --country to create it here`,
    );
  }
  const input = newCentreSchema.safeParse({ name: centre, country });
  if (!input.success) throw new CliError(invalidInputFromZod(input.error).message, 2);
  return createCentre(db, input.data);
}

const projectCreate: Command = {
  name: 'project:create',
  summary: 'create a project from a JSON spec and print its id',
  usage: 'project:create --file <spec.json> [--media-dir <folder>]',
  help: [
    '--file <spec.json>     the project spec (name, kind, config, instructions…); "-" for standard input',
    '--media-dir <folder>   example images in the instructions, on lines of their own, may name files in',
    '                       this folder (![A car, side view](examples/car.jpg)): they are stored and shown',
    '                       to HITers beside every task, offline too',
    ...databaseHelp,
  ],
  options: { ...databaseOptions, file: { type: 'string' }, 'media-dir': { type: 'string' } },
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
    const mediaDir = optionalString(values, 'media-dir');
    const project = await withServices(values, io, async ({ db, media }) => {
      const instructions = await storeInstructionImages(
        media,
        parsed.data.instructions,
        mediaDir ? resolve(mediaDir) : null,
      ).catch((error: unknown) => {
        if (error instanceof MediaFieldError) throw new CliError(`${file}: ${error.message}`);
        throw error;
      });
      return createProject(db, { ...parsed.data, instructions });
    });
    io.out(`${project.id}\n`);
    return 0;
  },
};

const importCommand: Command = {
  name: 'import',
  summary: 'import items from a JSONL or CSV file (and a folder of media files) into a project',
  usage:
    'import --project <id> (--file <items.jsonl|items.csv> [--format jsonl|csv] [--media-dir <folder>] | --media-dir <folder>) [--strict]',
  help: [
    '--project <id>         the project id (from project:create)',
    '--file <file>          JSONL: one {"id": "...", "data": {...}, "gold"?: {...}} a line; CSV: a header row',
    '                       (id, gold, then the item fields, dotted for nested ones); "-" for standard input',
    '--format <format>      jsonl or csv (default: from the file name, else jsonl)',
    '--media-dir <folder>   media fields (image, audio…) may name files in this folder: they are stored,',
    '                       with image sizes and thumbnails, audio durations and waveform peaks.',
    '                       Without --file (image and audio transcription projects): one item per media',
    "                       file of the folder and its subfolders, its id the file's path there",
    '--strict               all or nothing: any bad line imports nothing (default: import the good lines',
    '                       and report the bad ones; run the same command again after fixing them:',
    '                       lines already imported are skipped by their id, or by their content when',
    '                       they have none)',
    ...databaseHelp,
  ],
  options: {
    ...databaseOptions,
    project: { type: 'string' },
    file: { type: 'string' },
    format: { type: 'string' },
    'media-dir': { type: 'string' },
    strict: { type: 'boolean' },
  },
  async run(values, io) {
    const projectId = requireString(values, 'project');
    const mediaDir = optionalString(values, 'media-dir');
    const fileOption = optionalString(values, 'file');
    if (!fileOption && !mediaDir)
      throw new CliError('--file is required (or --media-dir alone for a folder of media)', 2);
    const formatOption =
      optionalString(values, 'format') ?? (fileOption && /\.csv$/i.test(fileOption) ? 'csv' : 'jsonl');
    if (!(IMPORT_FORMATS as readonly string[]).includes(formatOption)) {
      throw new CliError(`--format must be ${IMPORT_FORMATS.join(' or ')}`, 2);
    }
    if (!fileOption && optionalString(values, 'format')) throw new CliError('--format goes with --file', 2);
    const text = fileOption ? await readText(fileOption) : null;
    const file = fileOption ?? (mediaDir as string);
    // For a bare folder, a rejected "line" is a file: name the file.
    let where = (line: number) => `${file}: line ${line}`;
    const report = await aboutFile(file, () =>
      withServices(values, io, async ({ db, media }) => {
        let items = text;
        if (items === null) {
          const [project] = isProjectId(projectId)
            ? await db.query<{ kind: TaskKind }>('SELECT kind FROM projects WHERE id = $1', [projectId])
            : [];
          if (!project) throw noSuchProject(projectId);
          const manifest = await folderManifest(resolve(file), project.kind).catch((error: Error) => {
            throw new CliError(`${file}: ${error.message}`);
          });
          if (manifest.files.length === 0)
            throw new CliError(`${file}: no media files (PNG, JPEG, WAV) in this folder`);
          where = (line) => `${file}/${manifest.files[line - 1] ?? `line ${line}`}`;
          items = manifest.text;
        }
        return importItems(db, projectId, items, {
          format: formatOption as ImportFormat,
          strict: values.strict === true,
          media: { library: media, folder: mediaDir ? resolve(mediaDir) : null },
        });
      }),
    );
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    io.out(
      `imported ${plural(report.imported, 'item')}` +
        (report.honeypots > 0 ? ` (${report.honeypots} with a gold answer)` : '') +
        `, ${plural(report.tasksCreated, 'task')} created` +
        (report.skipped > 0 ? `; ${report.skipped} already imported, skipped` : '') +
        '\n',
    );
    if (report.rejectedCount === 0) return 0;
    for (const problem of report.rejected) {
      io.err(`${where(problem.line)}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}\n`);
    }
    if (report.rejectedCount > report.rejected.length) {
      io.err(`… and ${report.rejectedCount - report.rejected.length} more rejected lines\n`);
    }
    io.err(
      `${report.rejectedCount} line${report.rejectedCount === 1 ? '' : 's'} rejected: fix them and run the same command again (imported lines are skipped)\n`,
    );
    return 1;
  },
};

const exportCommand: Command = {
  name: 'export',
  summary: "write a project's accepted results in a format for the client",
  usage: `export --project <id> [--format ${EXPORT_FORMATS.join('|')}] [--out <file>]`,
  help: [
    '--project <id>         the project id',
    '--format <format>      jsonl (default), csv (one column per answer field), label_studio (all kinds);',
    '                       coco, yolo (zip), voc (zip) for images; webvtt (zip), common_voice (TSV) for audio',
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
    const format = optionalString(values, 'format') ?? 'jsonl';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`, 2);
    }
    const out = optionalString(values, 'out');
    if (!out && ['yolo', 'voc', 'webvtt'].includes(format)) {
      throw new CliError(`--format ${format} writes a zip file: give --out <file.zip>`, 2);
    }
    const file = await withDatabase(values, io, (db) =>
      exportProject(db, projectId, format as ExportFormatName),
    );
    if (out) {
      await writeFile(out, file.body);
      io.err(`exported ${file.body.length} bytes (${format}) to ${out}\n`);
    } else {
      io.out(file.body.toString('utf8'));
    }
    return 0;
  },
};

const demoSeed: Command = {
  name: 'demo:seed',
  summary: 'add the demo HITer and the demo projects (once; running it again adds nothing)',
  usage: 'demo:seed [--demo-dir resources/demo]',
  help: [
    '--demo-dir <dir>       folder with project.json and its items, and a subfolder per further',
    '                       project with its media (default resources/demo; see its README.md)',
    ...databaseHelp,
  ],
  options: { ...databaseOptions, 'demo-dir': { type: 'string' } },
  async run(values, io) {
    const demoDir = optionalString(values, 'demo-dir') ?? 'resources/demo';
    const report = await withServices(values, io, ({ media }) => seedDemo(media, demoDir));
    io.out(`${report.userCreated ? 'created' : 'kept'} the demo HITer\n`);
    for (const project of report.projects) {
      io.out(
        project.created
          ? `created the demo project ${project.projectId} (${project.kind}) with ${project.imported} items\n`
          : `the demo project ${project.projectId} (${project.kind}) was already there\n`,
      );
    }
    return 0;
  },
};

export const COMMANDS: readonly Command[] = [
  serveCommand,
  centreCreate,
  userCreate,
  projectCreate,
  projectList,
  projectPause,
  projectResume,
  importCommand,
  exportCommand,
  reviewList,
  reviewVerdict,
  impactCommand,
  balancesCommand,
  sweepCommand,
  demoSeed,
];
