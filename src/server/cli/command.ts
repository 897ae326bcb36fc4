import type { ParseArgsConfig } from 'node:util';

export type CliIo = {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
};

export type OptionValues = Record<string, string | boolean | undefined>;

/** One CLI command: its options for `parseArgs`, its help, and what it does (resolving to an exit code). */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  /** Lines under "Options:" in `--help`. */
  help: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: OptionValues, io: CliIo): Promise<number>;
};

/** A failure to report in one line and exit with `exitCode` (1: it did not work; 2: wrong usage). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export function requireString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`--${name} is required`, 2);
  return value;
}

export function optionalString(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
