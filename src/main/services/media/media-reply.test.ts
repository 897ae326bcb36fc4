import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/workstation/fixtures';
import { mediaReply, parseRange } from './media-reply';

describe('parseRange', () => {
  it('reads the three single-range forms', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });
  it('ignores what it does not serve (no header, several ranges, other units)', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange('bytes=-', 1000)).toBeNull();
  });
  it('says unsatisfiable past the end, backwards, or of an empty file', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=50-10', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});

async function read(body: Readable | null): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('mediaReply', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
  const sha = createHash('sha256').update(bytes).digest('hex');
  beforeEach(() => {
    dir = tempDir('hitdesk-media-reply-');
    file = `${dir.path}/${sha}`;
    writeFileSync(file, bytes);
  });
  afterEach(() => dir.remove());

  it('serves the whole file with its type, length and no caching', async () => {
    const reply = await mediaReply(file, sha, 'audio/wav', { method: 'GET', range: undefined });
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject({
      'content-type': 'audio/wav',
      'content-length': '5000',
      'accept-ranges': 'bytes',
      'cache-control': 'no-store',
      etag: `"${sha}"`,
    });
    expect((await read(reply.body)).equals(bytes)).toBe(true);
  });

  it('serves a range as 206 with Content-Range, and 416 past the end', async () => {
    const part = await mediaReply(file, sha, 'audio/wav', { method: 'GET', range: 'bytes=1000-1099' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 1000-1099/5000');
    expect(part.headers['content-length']).toBe('100');
    expect((await read(part.body)).equals(bytes.subarray(1000, 1100))).toBe(true);
    const tail = await mediaReply(file, sha, 'audio/wav', { method: 'GET', range: 'bytes=-10' });
    expect((await read(tail.body)).equals(bytes.subarray(4990))).toBe(true);
    const past = await mediaReply(file, sha, 'audio/wav', { method: 'GET', range: 'bytes=5000-' });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */5000');
    expect(past.body).toBeNull();
  });

  it('answers HEAD without a body', async () => {
    const reply = await mediaReply(file, sha, 'image/png', { method: 'HEAD', range: undefined });
    expect(reply).toMatchObject({ status: 200, body: null });
    expect(reply.headers['content-length']).toBe('5000');
  });

  it('never serves a type the page could run: anything but media is a download', async () => {
    for (const mime of ['text/html', 'image/svg+xml', 'application/javascript', null]) {
      const reply = await mediaReply(file, sha, mime, { method: 'GET', range: undefined });
      reply.body?.destroy();
      expect(reply.headers['content-type']).toBe('application/octet-stream');
      expect(reply.headers['content-disposition']).toMatch(/^attachment/);
      expect(reply.headers['content-security-policy']).toContain('sandbox');
    }
  });

  it('is 404 for a file that is not there', async () => {
    const reply = await mediaReply(`${dir.path}/nope`, sha, 'image/png', { method: 'GET', range: undefined });
    expect(reply.status).toBe(404);
  });
});
