/**
 * A queue's media endpoints on loopback for unit tests of downloads and uploads: files served with
 * Range, and faults on demand (cut a response part way, send the wrong bytes, lose a file). The rest
 * of the queue is answered by `fallback`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type MediaFault =
  /** Send this many bytes of the body, then cut the connection. */
  | { cutAfter: number }
  /** Send other bytes than the file's. */
  | 'corrupt'
  | 'missing';

export type MediaStub = {
  url: string;
  files: Map<string, { bytes: Buffer; mime: string }>;
  faults: Map<string, MediaFault[]>;
  /** Range headers received, per file. */
  ranges: Map<string, (string | undefined)[]>;
  uploads: Map<string, { sha256: string; bytes: number; received: Buffer[]; complete: boolean }>;
  /** The next this-many chunk answers are lost after the chunk was stored. */
  dropAppendAnswers: { count: number };
  close(): Promise<void>;
};

export async function startMediaStub(
  fallback: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void = (_req, res) =>
    res
      .writeHead(404, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { code: 'not_found', message: 'no such route' } })),
): Promise<MediaStub> {
  const files = new Map<string, { bytes: Buffer; mime: string }>();
  const faults = new Map<string, MediaFault[]>();
  const ranges = new Map<string, (string | undefined)[]>();
  const uploads = new Map<string, { sha256: string; bytes: number; received: Buffer[]; complete: boolean }>();
  const dropAppendAnswers = { count: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://stub');
      const media = /^\/v1\/media\/([a-f0-9]{64})$/.exec(url.pathname);
      if (media && req.method === 'GET') return serveFile(media[1]!, req, res);
      if (url.pathname.startsWith('/v1/uploads')) return serveUpload(url, req, res, body);
      fallback(req, res, body);
    });
  });

  function serveFile(sha256: string, req: IncomingMessage, res: ServerResponse): void {
    ranges.set(sha256, [...(ranges.get(sha256) ?? []), req.headers.range]);
    const fault = faults.get(sha256)?.shift();
    const file = files.get(sha256);
    if (!file || fault === 'missing') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'not_found', message: `no media ${sha256}` } }));
      return;
    }
    const bytes = fault === 'corrupt' ? Buffer.from(file.bytes).fill(7, 0, 16) : file.bytes;
    const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = match ? Number(match[1]) : 0;
    if (start >= bytes.length && match) {
      res.writeHead(416, { 'content-range': `bytes */${bytes.length}` }).end();
      return;
    }
    const part = bytes.subarray(start);
    res.writeHead(match ? 206 : 200, {
      'content-type': file.mime,
      'content-length': String(part.length),
      ...(match ? { 'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}` } : {}),
    });
    if (fault && typeof fault === 'object') {
      res.write(part.subarray(0, fault.cutAfter), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    res.end(part);
  }

  const json = (res: ServerResponse, status: number, value: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };
  const stateOf = (uploadId: string) => {
    const upload = uploads.get(uploadId)!;
    const received = upload.received.reduce((sum, chunk) => sum + chunk.length, 0);
    return {
      uploadId,
      received,
      complete: upload.complete,
      ...(upload.complete ? { media: { sha256: upload.sha256, mime: 'audio/wav', bytes: received } } : {}),
    };
  };

  /** Resumable uploads as the queue declares them; `dropAppendAnswers` loses answers after committing. */
  function serveUpload(url: URL, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    if (url.pathname === '/v1/uploads' && req.method === 'POST') {
      const { sha256, bytes } = JSON.parse(body.toString()) as { sha256: string; bytes: number };
      let id = [...uploads].find(([, upload]) => upload.sha256 === sha256)?.[0];
      if (!id) {
        id = randomUUID();
        uploads.set(id, { sha256, bytes, received: [], complete: false });
      }
      return json(res, 200, stateOf(id));
    }
    const chunk = /^\/v1\/uploads\/([0-9a-f-]{36})(\/chunks)?$/.exec(url.pathname);
    const upload = chunk ? uploads.get(chunk[1]!) : undefined;
    if (!chunk || !upload) return json(res, 404, { error: { code: 'not_found', message: 'no such upload' } });
    if (!chunk[2]) return json(res, 200, stateOf(chunk[1]!));
    const offset = Number(url.searchParams.get('offset'));
    const received = stateOf(chunk[1]!).received;
    if (offset !== received) {
      return json(res, 409, {
        error: { code: 'conflict', message: `offset ${offset}, expected ${received}` },
      });
    }
    upload.received.push(body);
    const total = received + body.length;
    if (total === upload.bytes) {
      const digest = createHash('sha256').update(Buffer.concat(upload.received)).digest('hex');
      if (digest !== upload.sha256) {
        upload.received = [];
        return json(res, 400, {
          error: { code: 'invalid_input', message: 'the file does not match its sha256' },
        });
      }
      upload.complete = true;
    }
    if (dropAppendAnswers.count > 0) {
      dropAppendAnswers.count -= 1;
      req.socket.destroy();
      return;
    }
    json(res, 200, stateOf(chunk[1]!));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    files,
    faults,
    ranges,
    uploads,
    dropAppendAnswers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
