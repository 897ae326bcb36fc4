/**
 * The parent side of child-workstation.ts: starts a workstation process, calls the bridge in it,
 * and kills it with SIGKILL. The child is bundled once per test run with esbuild, so each restart
 * costs a Node start rather than a TypeScript compile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import type { BridgeResult } from '../../../src/shared/bridge/errors';
import type { BridgeCallName } from '../../../src/shared/bridge/names';
import { repoRoot } from '../processes';

let bundled: Promise<string> | null = null;

/** Under node_modules, so the bundle's external packages resolve exactly as the sources' do. */
function bundleChild(): Promise<string> {
  bundled ??= (async () => {
    const outdir = join(repoRoot, 'node_modules/.cache/hitdesk-tests');
    mkdirSync(outdir, { recursive: true });
    const outfile = join(outdir, `child-workstation-${process.pid}.mjs`);
    await build({
      entryPoints: [join(repoRoot, 'test/helpers/workstation/child-workstation.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      // The embedded demo queue is never started here: leaving it out saves loading the server.
      plugins: [
        {
          name: 'no-demo-queue',
          setup(plugin) {
            plugin.onResolve({ filter: /server\/embed$/ }, () => ({
              path: join(repoRoot, 'test/helpers/workstation/no-demo-queue.ts'),
            }));
          },
        },
      ],
    });
    process.once('exit', () => rmSync(outfile, { force: true }));
    return outfile;
  })();
  return bundled;
}

export class ChildGone extends Error {
  constructor(what: string) {
    super(`the workstation process ended before answering ${what}`);
  }
}

export type ChildWorkstation = {
  pid: number;
  call(name: BridgeCallName, input?: unknown): Promise<BridgeResult<unknown>>;
  /** Calls and unwraps: throws with the bridge error's code and message. */
  value<T = unknown>(name: BridgeCallName, input?: unknown): Promise<T>;
  /** SIGKILL: no cleanup of any kind, as in a crash; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Closes the workstation as the app does on quit. */
  stop(): Promise<void>;
  output(): string;
};

export async function startChildWorkstation(options: {
  dataDir: string;
  serverUrl: string;
}): Promise<ChildWorkstation> {
  const file = await bundleChild();
  const child: ChildProcess = spawn(
    process.execPath,
    [file, '--data-dir', options.dataDir, '--server-url', options.serverUrl],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  // A call written just as the process is killed fails with EPIPE on its stdin: the call itself is
  // then rejected as ChildGone when the exit is seen, so the stream error is not an error here.
  child.stdin?.on('error', () => undefined);
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting = new Map<
    number,
    { resolve: (r: BridgeResult<unknown>) => void; reject: (e: Error) => void; name: string }
  >();
  let nextId = 1;
  let gone = false;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code, signal) =>
      reject(new Error(`the workstation exited (${code ?? signal}) before it was ready:\n${stderr}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: true; id?: number; result?: BridgeResult<unknown> };
      if (message.ready) {
        resolve();
        return;
      }
      const pending = message.id === undefined ? undefined : waiting.get(message.id);
      if (pending && message.result) {
        waiting.delete(message.id!);
        pending.resolve(message.result);
      }
    });
  });
  void exited.then(() => {
    gone = true;
    for (const [, pending] of waiting) pending.reject(new ChildGone(pending.name));
    waiting.clear();
  });
  await ready;

  const call = (name: BridgeCallName, input?: unknown) =>
    new Promise<BridgeResult<unknown>>((resolve, reject) => {
      if (gone) {
        reject(new ChildGone(name));
        return;
      }
      const id = nextId++;
      waiting.set(id, { resolve, reject, name });
      child.stdin!.write(`${JSON.stringify({ id, name, input: input ?? null })}\n`);
    });

  return {
    pid: child.pid ?? -1,
    call,
    async value<T>(name: BridgeCallName, input?: unknown): Promise<T> {
      const result = await call(name, input);
      if (!result.ok)
        throw Object.assign(
          new Error(`${name}: ${result.error.code}: ${result.error.message}`),
          result.error,
        );
      return result.value as T;
    },
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!gone) child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    output: () => stderr,
  };
}
