import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../bridge/dispatch';
import type { BridgeEventListener } from '../bridge/event-hub';
import type { MediaReply } from '../services/media/media-reply';
import type { MediaRequest } from '../services/workstation';
import { serveRenderer } from './static-files';

export type WebHostOptions = {
  dispatch: Dispatch;
  subscribe: (listener: BridgeEventListener) => () => void;
  /** `GET /media/<sha256>`: the signed-in profile's cached files (see `Workstation.serveMedia`). */
  serveMedia?: (path: string, request: MediaRequest) => Promise<MediaReply>;
  rendererDir: string;
  host?: string;
  port?: number;
};

export type WebHost = { url: string; port: number; close(): Promise<void> };

/** Large enough for a 16 MB draft, or a recording sent as base64 by `media.store`. */
const MAX_CALL_BODY = 192 * 1024 * 1024;
const KEEPALIVE_MS = 15_000;
const CALL_PREFIX = '/bridge/call/';

/**
 * Browser mode: the bridge contract over HTTP on loopback, for the same renderer running in a
 * normal browser. Calls are `POST /bridge/call/<name>` with `{ input }`; events stream as SSE from
 * `/bridge/events`. Only this origin may call (Host and Origin checked against DNS rebinding and
 * cross-site requests), and only with a JSON body (which a cross-site form cannot send).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const streams = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[web] request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('unexpected Host header');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (path.startsWith(CALL_PREFIX)) return handleCall(req, res, path.slice(CALL_PREFIX.length));
    if (path === '/bridge/events') return handleEvents(req, res);
    if (path.startsWith('/media/')) return handleMedia(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    await serveRenderer(options.rendererDir, path, res);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
    if (!isSameOrigin(req)) return sendJson(res, 403, { error: 'cross-origin call refused' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { error: 'send application/json' });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, MAX_CALL_BODY));
    } catch (error) {
      return sendJson(res, 400, { error: `unreadable body: ${(error as Error).message}` });
    }
    const input = typeof body === 'object' && body !== null && 'input' in body ? body.input : undefined;
    sendJson(res, 200, await options.dispatch(decodeURIComponent(name), input));
  }

  async function handleMedia(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    // Another site could probe which files this laptop holds by embedding them: only the app may ask.
    if (!isSameOrigin(req)) return sendJson(res, 403, { error: 'cross-origin media request refused' });
    if (!options.serveMedia) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end();
      return;
    }
    const reply = await options.serveMedia(path, { method: req.method ?? 'GET', range: req.headers.range });
    res.writeHead(reply.status, reply.headers);
    if (!reply.body) {
      res.end();
      return;
    }
    const body = reply.body;
    body.on('error', () => res.destroy());
    res.on('close', () => body.destroy());
    body.pipe(res);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (!isSameOrigin(req)) return sendJson(res, 403, { error: 'cross-origin stream refused' });
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const unsubscribe = options.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    req.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
      streams.delete(res);
    });
  }

  function isSameOrigin(req: IncomingMessage): boolean {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const origin = req.headers.origin;
    return origin === undefined || allowedHosts.has(origin.replace(/^http:\/\//, ''));
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    close: async () => {
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
