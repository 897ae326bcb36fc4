/**
 * `npm test`: every layer, in order, with a summary. Steps keep running after a failure so one run
 * shows everything that is wrong; the exit code is non-zero if any step failed.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary';
import { vitestFailures } from './vitest-failures';

type Step = { name: string; command: string; args: string[] };
type Outcome = { name: string; status: 'passed' | 'FAILED' | 'skipped'; seconds: number; note?: string };

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const outcomes: Outcome[] = [];

function run(step: Step): void {
  console.log(`\n━━ ${step.name}: ${step.command} ${step.args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', env: process.env });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  outcomes.push({ name: step.name, status: result.status === 0 ? 'passed' : 'FAILED', seconds });
}

ensureNativeModulesForNode();
run({ name: 'typecheck', command: npx, args: ['tsc', '-b'] });
run({ name: 'lint, layers, format', command: 'npm', args: ['run', '--silent', 'lint'] });
const vitestReport = join(tmpdir(), `hitdesk-vitest-${process.pid}.json`);
run({
  name: 'unit + integration (vitest)',
  command: npx,
  args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
});
run({ name: 'build (electron-vite)', command: npx, args: ['electron-vite', 'build'] });
run({ name: 'E2E in Chromium, browser mode (Playwright)', command: npx, args: ['playwright', 'test'] });

const electron = findElectronBinary();
if ('path' in electron) {
  run({
    name: 'E2E in Electron (Playwright)',
    command: npx,
    args: ['playwright', 'test', '-c', 'playwright.electron.config.ts'],
  });
} else {
  outcomes.push({
    name: 'E2E in Electron (Playwright)',
    status: 'skipped',
    seconds: 0,
    note: electron.missing,
  });
}

console.log('\n━━ Summary');
for (const o of outcomes) {
  console.log(
    `  ${o.status.padEnd(7)} ${o.name} (${o.seconds}s)${o.note ? `\n          SKIPPED because ${o.note}` : ''}`,
  );
}
const failed = outcomes.filter((o) => o.status === 'FAILED');
if (failed.some((o) => o.name.includes('vitest'))) {
  console.log('\n━━ Failed vitest tests (repeated from above)');
  for (const line of vitestFailures(vitestReport)) console.log(`  ${line}`);
}
rmSync(vitestReport, { force: true });
if (failed.length > 0) {
  console.log(`\n${failed.length} step(s) failed.`);
  process.exit(1);
}
console.log(
  '\nAll steps passed' +
    (outcomes.some((o) => o.status === 'skipped') ? ' (see the skipped step above).' : '.'),
);

/**
 * better-sqlite3 is a native module: built for Node it runs the tests, built for Electron it runs
 * the app. If the last build was for Electron (`npm start` / `npm run rebuild:electron`), rebuild it
 * for Node before testing, and say so.
 */
function ensureNativeModulesForNode(): void {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    encoding: 'utf8',
  });
  if (probe.status === 0) return;
  console.log(
    'better-sqlite3 is not built for this Node (last built for Electron?): rebuilding it for Node…',
  );
  const rebuilt = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  if (rebuilt.status !== 0) {
    console.error(`Could not rebuild better-sqlite3 for Node:\n${probe.stderr}`);
    process.exit(1);
  }
}
