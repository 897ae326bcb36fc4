import { startServer } from '../server';
import { CliError, optionalString, type Command } from './command';
import { readFile } from 'node:fs/promises';
import { invalidInputFromZod } from '../errors';
import { deploymentSettingsSchema, type DeploymentSettingsInput } from '../settings';
import {
  chooseDatabase,
  chooseMediaStore,
  databaseHelp,
  databaseOptions,
  describeDatabase,
} from './database-options';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the queue server until Ctrl-C (SIGINT) or SIGTERM',
  usage:
    'serve [--port 8787] [--host 127.0.0.1] [--data-dir <dir> | --database-url <url>] [--config <deployment.json>] [--quiet]',
  help: [
    `--port <n>             TCP port (env PORT; default ${DEFAULT_PORT}; 0 picks a free one)`,
    `--host <address>       address to listen on (env HOST; default ${DEFAULT_HOST}; 0.0.0.0 for the network)`,
    ...databaseHelp,
    '--config <file>        deployment settings as JSON: currency, payShares {worker, platform, help} in',
    '                       basis points (default 6000/3500/500), maxOutstandingLeases, sweepIntervalSeconds,',
    '                       signInAttempts, signInWindowSeconds, maxMediaUploadBytes',
    '--quiet                no request log',
  ],
  options: {
    ...databaseOptions,
    port: { type: 'string' },
    host: { type: 'string' },
    quiet: { type: 'boolean' },
    config: { type: 'string' },
  },
  async run(values, io) {
    const port = parsePort(optionalString(values, 'port') ?? (io.env.PORT || String(DEFAULT_PORT)));
    const host = optionalString(values, 'host') ?? (io.env.HOST || DEFAULT_HOST);
    const database = chooseDatabase(values, io.env);
    const configFile = optionalString(values, 'config');
    const settings = configFile ? await readSettings(configFile) : {};
    const server = await startServer({
      ...database,
      mediaDir: chooseMediaStore(values, io.env, database),
      settings,
      host,
      port,
      log: values.quiet !== true,
    });
    io.out(`HITdesk queue server listening on ${server.url} (${describeDatabase(database)})\n`);
    io.out(`API description: ${server.url}/openapi.json\n`);

    await new Promise<void>((resolvePromise) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          io.err(`${signal} again: exiting without waiting\n`);
          process.exit(1);
        }
        stopping = true;
        io.out(`${signal}: stopping…\n`);
        void server.close().finally(() => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolvePromise();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.out('stopped\n');
    return 0;
  },
};

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65_535)
    throw new CliError(`--port must be 0–65535, not "${text}"`, 2);
  return port;
}

/** Reads and checks a deployment settings file (`--config`): a bad one fails naming the field. */
export async function readSettings(file: string): Promise<DeploymentSettingsInput> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read the settings in ${file}: ${(error as Error).message}`);
  }
  const parsed = deploymentSettingsSchema.safeParse(value);
  if (!parsed.success) throw new CliError(`${file}: ${invalidInputFromZod(parsed.error).message}`);
  return parsed.data;
}
