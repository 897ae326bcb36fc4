/**
 * A workstation in a process of its own, driven over stdin/stdout one JSON line per bridge call,
 * so tests can SIGKILL it at any moment (the kill test, the model test). Not used by the app.
 *
 *   node child-workstation.mjs --data-dir <dir> --server-url <url> [--fast-sync]
 *
 * In:  {"id": 1, "name": "tasks.saveDraft", "input": {...}}
 * Out: {"id": 1, "result": {"ok": true, "value": ...}}   and once up: {"ready": true}
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createDispatch } from '../../../src/main/bridge/dispatch';
import { createWorkstation } from '../../../src/main/services/workstation';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'server-url': { type: 'string' },
  },
});
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('--data-dir is required');

function write(message: unknown): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

const resourcesDir = join(dataDir, '..', 'resources');
mkdirSync(resourcesDir, { recursive: true });
const workstation = await createWorkstation({
  dataDir,
  resourcesDir,
  appVersion: '0.0.0-child',
  mode: 'browser',
  platform: process.platform,
  emit: () => undefined,
  defaultServerUrl: values['server-url'] ?? null,
  demoPort: 0,
  syncTimings: { baseDelayMs: 20, maxDelayMs: 200, idleIntervalMs: 5_000, requestTimeoutMs: 15_000 },
});
const dispatch = createDispatch(workstation.handlers, () => undefined);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const { id, name, input } = JSON.parse(line) as { id: number; name: string; input: unknown };
  void dispatch(name, input).then((result) => write({ id, result }));
});
// A graceful stop (the parent closed stdin, or SIGTERM): close the stores as the app would.
const stop = () => void workstation.close().then(() => process.exit(0));
lines.on('close', stop);
process.on('SIGTERM', stop);
write({ ready: true });
