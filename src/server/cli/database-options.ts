import { resolve } from 'node:path';
import type { Db } from '../db/db';
import { openQueueDatabase } from '../db/open';
import { redactUrl } from '../db/postgres';
import { CliError, optionalString, type CliIo, type Command, type OptionValues } from './command';

export const DEFAULT_DATA_DIR = '.data/queue';

/** The options every command touching the database takes. */
export const databaseOptions = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} satisfies Command['options'];

export const databaseHelp = [
  `--data-dir <dir>       embedded PGlite database folder (env HITDESK_DATA_DIR; default ${DEFAULT_DATA_DIR})`,
  '--database-url <url>   PostgreSQL instead of PGlite, e.g. postgres://user:pass@host/db (env DATABASE_URL)',
];

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
