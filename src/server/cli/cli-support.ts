import { readFile } from 'node:fs/promises';
import type { Viewer } from '../auth/policy';
import type { Db } from '../db/db';
import type { DeploymentSettingsInput } from '../settings';
import { CliError, optionalString, type Command, type OptionValues } from './command';
import { readSettings } from './serve';

/** `--config`, for the commands whose figures depend on the deployment (currency, pay shares). */
export const configOption = { config: { type: 'string' } } satisfies Command['options'];
export const configHelp = [
  '--config <file>        the deployment settings file `serve` uses (currency, payShares…); default: EUR, 60/35/5',
];

export async function settingsFrom(values: OptionValues): Promise<DeploymentSettingsInput> {
  const file = optionalString(values, 'config');
  return file ? readSettings(file) : {};
}

/** Reads a JSON file ("-" for standard input), failing with the file's name. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = path === '-' ? await readStdinText() : await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An account named by username or id, as the per-object rules see it (role, centre, country). */
export async function viewerOf(db: Db, who: string): Promise<Viewer & { username: string }> {
  const [row] = await db.query<{
    id: string;
    username: string;
    role: Viewer['role'];
    centre_id: string | null;
    country: string | null;
  }>(
    `SELECT u.id, u.username, u.role, u.centre_id, c.country
     FROM users u LEFT JOIN centres c ON c.id = u.centre_id
     WHERE ($2::boolean AND u.id::text = $1) OR u.username = lower($1)`,
    [who.trim(), UUID.test(who.trim())],
  );
  if (!row) throw new CliError(`no account "${who}"`);
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    centreId: row.centre_id,
    country: row.country,
  };
}

/** The operator at the console acts as an admin who is nobody in particular (no account, no centre). */
export const CONSOLE_ADMIN: Viewer = {
  id: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  centreId: null,
  country: null,
};

export const printJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
