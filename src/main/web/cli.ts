/**
 * Browser mode: runs the workstation services in this Node process and serves the renderer to a
 * normal browser, with the bridge over HTTP. `npm run web` builds the renderer and starts this.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBrowserMode } from './browser-mode';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const HELP = `Usage: npm run web -- [options]

Runs HITdesk in browser mode: the workstation services in this process, the app at a local URL.

Options:
  --port <n>            port to serve on (default 5180; 0 = any free port)
  --host <addr>         address to bind (default 127.0.0.1; keep it on loopback)
  --data-dir <dir>      where this laptop's profiles and tasks live (default .data/web)
  --server-url <url>    the central queue to use when none is configured yet
  --renderer-dir <dir>  the built renderer (default out/renderer)
  --demo-port <n>       port for the embedded demo queue (default 47831)
  -h, --help            show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '5180' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.data/web' },
      'server-url': { type: 'string' },
      'renderer-dir': { type: 'string', default: join(repoRoot, 'out/renderer') },
      'demo-port': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = parsePort(values.port, '--port');
  const { host, workstation, refusal } = await startBrowserMode({
    dataDir: resolve(values['data-dir']),
    resourcesDir: join(repoRoot, 'resources'),
    appVersion: readVersion(),
    platform: process.platform,
    defaultServerUrl: values['server-url'] ?? process.env.HITDESK_SERVER_URL ?? null,
    ...(values['demo-port'] === undefined ? {} : { demoPort: parsePort(values['demo-port'], '--demo-port') }),
    rendererDir: resolve(values['renderer-dir']),
    host: values.host,
    port,
  });
  if (refusal) {
    // The page shows it to the HITer in their language; this line is for whoever runs the host.
    console.error(`HITdesk refused to open this laptop's data: ${refusal.message}`);
  }
  console.log(`HITdesk (browser mode) is running at ${host.url}`);
  console.log('Open it in Chromium, Chrome, Edge or Firefox. Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await workstation.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function parsePort(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${flag} must be a port number between 0 and 65535, not "${value}"`);
  }
  return port;
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

main().catch((error: unknown) => {
  console.error(
    `HITdesk browser mode could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
