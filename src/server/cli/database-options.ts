import { join, resolve } from 'node:path';
import { createQueueServices, type QueueServices } from '../context';
import type { Db } from '../db/db';
import { openQueueDatabase } from '../db/open';
import { redactUrl } from '../db/postgres';
import { localMediaStore } from '../media/store';
import { resolveSettings, type DeploymentSettingsInput } from '../settings';
import { CliError, optionalString, type CliIo, type Command, type OptionValues } from './command';

export const DEFAULT_DATA_DIR = '.data/queue';

/** The options every command touching the database takes. */
export const databaseOptions = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'media-store': { type: 'string' },
} satisfies Command['options'];

export const databaseHelp = [
  `--data-dir <dir>       embedded PGlite database folder (env HITDESK_DATA_DIR; default ${DEFAULT_DATA_DIR})`,
  '--database-url <url>   PostgreSQL instead of PGlite, e.g. postgres://user:pass@host/db (env DATABASE_URL)',
  `--media-store <dir>    where media files are kept (env HITDESK_MEDIA_STORE; default <data-dir>/media,`,
  `                       or ${DEFAULT_DATA_DIR}/media with PostgreSQL)`,
];

/** The media folder: flag, environment, or beside the database (the same default `serve` uses). */
export function chooseMediaStore(
  values: OptionValues,
  env: NodeJS.ProcessEnv,
  database: DatabaseChoice,
): string {
  const flag = optionalString(values, 'media-store');
  if (flag) return resolve(flag);
  if (env.HITDESK_MEDIA_STORE) return resolve(env.HITDESK_MEDIA_STORE);
  return 'dataDir' in database ? join(database.dataDir, 'media') : resolve(DEFAULT_DATA_DIR, 'media');
}

export type DatabaseChoice = { databaseUrl: string } | { dataDir: string };

/** Flags win over the environment; PostgreSQL wins over PGlite when both come from the environment. */
export function chooseDatabase(values: OptionValues, env: NodeJS.ProcessEnv): DatabaseChoice {
  const urlFlag = optionalString(values, 'database-url');
  const dirFlag = optionalString(values, 'data-dir');
  if (urlFlag && dirFlag) throw new CliError('give either --database-url or --data-dir, not both', 2);
  if (urlFlag) return { databaseUrl: urlFlag };
  if (dirFlag) return { dataDir: resolve(dirFlag) };
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: resolve(env.HITDESK_DATA_DIR || DEFAULT_DATA_DIR) };
}

export function describeDatabase(choice: DatabaseChoice): string {
  return 'databaseUrl' in choice
    ? `PostgreSQL ${redactUrl(choice.databaseUrl)}`
    : `PGlite in ${choice.dataDir}`;
}

/** Like `withDatabase`, with the media store and the deployment settings too. */
export async function withServices<T>(
  values: OptionValues,
  io: CliIo,
  work: (services: QueueServices) => Promise<T>,
  settings: DeploymentSettingsInput = {},
): Promise<T> {
  const database = chooseDatabase(values, io.env);
  const store = localMediaStore(chooseMediaStore(values, io.env, database));
  const resolved = resolveSettings(settings);
  return withDatabase(values, io, (db) => work(createQueueServices(db, resolved, store)));
}

/** Opens the chosen database for one command and always closes it (releasing the PGlite lock). */
export async function withDatabase<T>(
  values: OptionValues,
  io: CliIo,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const db = await openQueueDatabase(chooseDatabase(values, io.env));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
