import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/**
 * What `GET /media/<sha256>` answers, whatever the transport: the browser-mode host writes it to
 * its HTTP response, the Electron shell turns it into the app:// protocol's Response.
 */
export type MediaReply = { status: number; headers: Record<string, string>; body: Readable | null };

/** Types a page may render from our origin. Anything else is sent as a download (never as HTML). */
const SERVABLE = /^(image\/(png|jpeg|gif|webp|avif|bmp)|audio\/[\w.+-]+|video\/[\w.+-]+|application\/json)$/;

/** Content-addressed, but never cached by the browser: a cache would outlive the profile's session. */
const COMMON = {
  'accept-ranges': 'bytes',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // Even an image type the browser would script (none is servable, but belt and braces).
  'content-security-policy': "default-src 'none'; sandbox",
};

/** Not cached, not a hash, or nobody signed in: the same answer, so it tells nothing about other profiles. */
export function mediaNotFound(): MediaReply {
  return {
    status: 404,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': '0',
    },
    body: null,
  };
}

export type ByteRange = { start: number; end: number };

/**
 * Reads a `Range` header against a file of `size` bytes: one range (`bytes=a-b`, `bytes=a-`,
 * `bytes=-n`), `null` when there is none or it is of a kind we ignore (several ranges: the whole
 * file is a valid answer), `'unsatisfiable'` when it asks for bytes the file does not have.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** The reply for one cached file: 200, 206 for a range, 416 for a range past its end. */
export async function mediaReply(
  path: string,
  sha256: string,
  mime: string | null,
  request: { method: string; range: string | undefined },
): Promise<MediaReply> {
  // Opened first, then measured: a file evicted meanwhile is either served whole or not found.
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return mediaNotFound();
  }
  let size: number;
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    await handle.close();
    return mediaNotFound();
  }
  const servable = mime !== null && SERVABLE.test(mime);
  const headers: Record<string, string> = {
    ...COMMON,
    'content-type': servable ? mime : 'application/octet-stream',
    etag: `"${sha256}"`,
    ...(servable ? {} : { 'content-disposition': `attachment; filename="${sha256}"` }),
  };
  const range = parseRange(request.range, size);
  const head = request.method === 'HEAD';
  const body = async (part: { start?: number; end?: number } | null): Promise<Readable | null> => {
    if (part === null) {
      await handle.close();
      return null;
    }
    return handle.createReadStream({ ...part, autoClose: true });
  };
  if (range === 'unsatisfiable') {
    return {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${size}`, 'content-length': '0' },
      body: await body(null),
    };
  }
  if (range === null) {
    return {
      status: 200,
      headers: { ...headers, 'content-length': String(size) },
      body: await body(head || size === 0 ? null : {}),
    };
  }
  return {
    status: 206,
    headers: {
      ...headers,
      'content-range': `bytes ${range.start}-${range.end}/${size}`,
      'content-length': String(range.end - range.start + 1),
    },
    body: await body(head ? null : range),
  };
}
