import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');
const tsxBin = join(repoRoot, 'node_modules/.bin/tsx');

export type RunningProcess = {
  child: ChildProcess;
  /** Everything it printed so far, for failure messages. */
  output: () => string;
  /** Stops it (SIGTERM, then SIGKILL after a grace period) and waits for the exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** A port that was free a moment ago, for servers that must come back on the same address. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a TypeScript entry point with tsx and resolves once its output matches `ready`. */
export async function startTsx(
  entry: string,
  args: string[],
  options: { ready: RegExp; env?: Record<string, string>; timeoutMs?: number },
): Promise<RunningProcess & { match: RegExpMatchArray }> {
  const child = spawn(tsxBin, [join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry} did not become ready in time. Output:\n${output}`)),
      options.timeoutMs ?? 60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(options.ready);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (code ${code}) before it was ready. Output:\n${output}`));
    });
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const grace = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(grace);
  };
  return { child, output: () => output, stop, match };
}
