/**
 * A scripted HTTP server on loopback for this folder's unit tests: it answers what each test says,
 * so the client and the sync engine are exercised over real HTTP, including odd answers a real
 * queue gives only under failure (5xx, 401 mid-session, a captive portal's HTML).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: unknown };
export type StubReply =
  | { status: number; json: unknown }
  | { status: number; text: string; contentType?: string }
  /** Never answer (until the server closes): a dead link. */
  | 'hang'
  /** Close the connection without an answer. */
  | 'drop';
export type StubHandler = (request: StubRequest) => StubReply | Promise<StubReply>;

export type StubQueue = {
  url: string;
  requests: StubRequest[];
  setHandler(handler: StubHandler): void;
  close(): Promise<void>;
};

export const health = {
  ok: true,
  protocol: { current: 1, minimum: 1 },
  serverTime: '2026-03-01T10:00:00.000Z',
};

export async function startStubQueue(handler: StubHandler, port = 0): Promise<StubQueue> {
  let current = handler;
  const requests: StubRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // keep the raw text
      }
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      requests.push(request);
      void Promise.resolve(current(request)).then((reply) => {
        if (reply === 'hang') {
          hanging.add(res);
          return;
        }
        if (reply === 'drop') {
          req.socket.destroy();
          return;
        }
        if ('json' in reply) {
          res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
        } else {
          res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/html' }).end(reply.text);
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    setHandler: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const apiError = (status: number, code: string, message: string, field?: string): StubReply => ({
  status,
  json: { error: { code, message, ...(field ? { field } : {}) } },
});
