import { parseArgs } from 'node:util';
import { DataDirBusyError } from '../db/data-dir-lock';
import { CliError, type CliIo, type Command } from './command';
import { COMMANDS } from './commands';

const PROGRAM = 'hitdesk-server';

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `Usage: ${PROGRAM} <command> [options]    (npx tsx src/server/cli.ts …)`,
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options.`,
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [
    `Usage: ${PROGRAM} ${command.usage}`,
    '',
    `${command.summary[0]?.toUpperCase() ?? ''}${command.summary.slice(1)}.`,
    '',
    'Options:',
    ...command.help.map((line) => `  ${line}`),
    '  --help                 show this help',
    '',
  ].join('\n');
}

/** Runs one CLI invocation and resolves to its exit code: 0 done, 1 failed, 2 wrong usage. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    io.out(about ? commandHelp(about) : usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`${PROGRAM}: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }

  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${PROGRAM} ${command.name}: ${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  if (values.help) {
    io.out(commandHelp(command));
    return 0;
  }

  try {
    return await command.run(values, io);
  } catch (error) {
    const exitCode = error instanceof CliError ? error.exitCode : 1;
    io.err(`${PROGRAM} ${command.name}: ${describe(error)}\n`);
    if (exitCode === 2) io.err(`\n${commandHelp(command)}`);
    return exitCode;
  }
}

function describe(error: unknown): string {
  if (error instanceof CliError || error instanceof DataDirBusyError) return error.message;
  if (error instanceof Error) {
    // Expected failures (ApiError: bad input, not found…) carry a complete message; others get their cause too.
    const cause =
      error.cause instanceof Error && !error.message.includes(error.cause.message)
        ? ` (${error.cause.message})`
        : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
