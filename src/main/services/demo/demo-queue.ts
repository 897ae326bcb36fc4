import { BridgeError } from '../../../shared/bridge/errors';
import type { startDemoQueueServer } from '../../../server/embed';

export type DemoServer = Awaited<ReturnType<typeof startDemoQueueServer>>;

export type DemoQueueOptions = { dataDir: string; demoDir: string; port: number };

export const DEFAULT_DEMO_PORT = 47831;

/**
 * The embedded demo queue: a real queue server on loopback with a seeded demo project, so a HITer
 * can try HITdesk with no server of their own. Started at most once per process; the server code
 * (PGlite, Fastify) is loaded only when the demo is first started.
 */
export class DemoQueue {
  private server: DemoServer | null = null;
  private starting: Promise<DemoServer> | null = null;

  constructor(private readonly options: DemoQueueOptions) {}

  get running(): DemoServer | null {
    return this.server;
  }

  start(): Promise<DemoServer> {
    if (this.server) return Promise.resolve(this.server);
    if (!this.starting) {
      this.starting = this.launch().finally(() => {
        this.starting = null;
      });
    }
    return this.starting;
  }

  async close(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const server = this.server;
    this.server = null;
    await server?.close();
  }

  private async launch(): Promise<DemoServer> {
    const { port } = this.options;
    try {
      const { startDemoQueueServer } = await import('../../../server/embed');
      this.server = await startDemoQueueServer(this.options);
      return this.server;
    } catch (error) {
      throw demoError(error, port);
    }
  }
}

function demoError(error: unknown, port: number): BridgeError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE' || /EADDRINUSE|address already in use/i.test(message)) {
    return new BridgeError(
      'demo_unavailable',
      `the demo queue cannot listen on port ${port}: the port is already in use (another HITdesk ` +
        'window or another program holds it). Close it and try again.',
    );
  }
  return new BridgeError('demo_unavailable', `the demo queue could not start: ${message}`);
}
