import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors';

/** A stored file answered with Range support, validators and caching headers. */
export type BinaryFile = {
  kind: 'file';
  mime: string;
  size: number;
  /** Strong validator; for media, the sha256. */
  etag: string;
  cacheControl: string;
  open(range?: { start: number; end: number }): Readable;
  /** Offered as the download's name (`content-disposition: attachment`). */
  filename?: string;
};

/** Bytes made for this request (an export). */
export type BinaryBytes = { kind: 'bytes'; mime: string; body: Buffer; filename?: string };

export type BinaryBody = BinaryFile | BinaryBytes;

export function isBinaryBody(value: unknown): value is BinaryBody {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'file' || kind === 'bytes';
}

export type RangeRequest =
  { type: 'whole' } | { type: 'part'; start: number; end: number } | { type: 'unsatisfiable' };

/**
 * Reads a `Range` header (RFC 9110 §14) for a file of `size` bytes. One range is served; a header
 * that is malformed or asks for several ranges is ignored (the whole file is a valid answer).
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return { type: 'whole' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { type: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { type: 'whole' };
  if (first === '') {
    // suffix: the last N bytes
    const length = Number(last);
    if (length === 0) return { type: 'unsatisfiable' };
    return size === 0
      ? { type: 'unsatisfiable' }
      : { type: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return { type: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return { type: 'whole' }; // syntactically invalid: ignored
  return { type: 'part', start, end };
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim().replace(/^W\//, '');
    return value === '*' || value === etag;
  });
}

/** Sends a binary answer: 200, 206 for a range, 304 when the client's copy is current, 416 past the end. */
export function sendBinary(
  request: FastifyRequest,
  reply: FastifyReply,
  body: BinaryBody,
  status = 200,
): FastifyReply {
  if (body.filename) {
    reply.header('content-disposition', `attachment; filename="${body.filename.replace(/[^\w.-]/g, '_')}"`);
  }
  if (body.kind === 'bytes') {
    return reply.code(status).type(body.mime).header('content-length', body.body.length).send(body.body);
  }
  const etag = `"${body.etag}"`;
  reply.header('etag', etag).header('cache-control', body.cacheControl).header('accept-ranges', 'bytes');
  reply.header('x-content-type-options', 'nosniff');
  if (etagMatches(header(request, 'if-none-match'), etag)) return reply.code(304).send();

  const ifRange = header(request, 'if-range');
  const range =
    ifRange !== undefined && ifRange.trim() !== etag
      ? { type: 'whole' as const }
      : parseRange(header(request, 'range'), body.size);
  if (range.type === 'unsatisfiable') {
    reply.header('content-range', `bytes */${body.size}`);
    throw new ApiError(
      416,
      'invalid_input',
      `the range "${header(request, 'range') ?? ''}" is past the end of the file (${body.size} bytes)`,
    );
  }
  reply.type(body.mime);
  if (range.type === 'part') {
    reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${body.size}`)
      .header('content-length', range.end - range.start + 1);
    return reply.send(body.open({ start: range.start, end: range.end }));
  }
  reply.code(status).header('content-length', body.size);
  // An empty file: a stream with no bytes would still be fine, but skip opening it.
  return reply.send(body.size === 0 ? Buffer.alloc(0) : body.open());
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads a raw request body into memory, refusing more than `limit` bytes (413). */
export async function readBodyLimited(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > limit) {
      throw new ApiError(413, 'payload_too_large', `the body is larger than ${limit} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

export function isReadable(value: unknown): value is Readable {
  return typeof value === 'object' && value !== null && typeof (value as Readable).pipe === 'function';
}
