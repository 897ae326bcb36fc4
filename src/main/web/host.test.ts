import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../shared/bridge';
import { createDispatch } from '../bridge/dispatch';
import { createEventHub } from '../bridge/event-hub';
import { mediaNotFound, mediaReply } from '../services/media/media-reply';
import { startWebHost, type WebHost } from './host';
import { resolveInside } from './static-files';

const settings = { serverUrl: 'http://queue.example', locale: 'fr' as const, demoRunning: false };
const MEDIA = Buffer.from('RIFF....WAVEfmt '.repeat(100));
const SHA = createHash('sha256').update(MEDIA).digest('hex');
const hub = createEventHub();
let host: WebHost;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'hitdesk-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HITdesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  const handlers = { 'settings.get': async () => settings } as Partial<BridgeHandlers> as BridgeHandlers;
  writeFileSync(join(rendererDir, 'clip.wav'), MEDIA);
  host = await startWebHost({
    dispatch: createDispatch(handlers),
    subscribe: hub.subscribe,
    rendererDir,
    // What the workstation does for a signed-in profile holding one file.
    serveMedia: (path, request) =>
      path === `/media/${SHA}`
        ? mediaReply(join(rendererDir, 'clip.wav'), SHA, 'audio/wav', request)
        : Promise.resolve(mediaNotFound()),
  });
});
afterAll(() => host.close());

type Reply = { status: number; headers: Record<string, unknown>; body: string };

/** Raw HTTP so tests control Host and Origin exactly as an attacker's page or rebinding DNS would. */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = { 'content-type': 'application/json' };

describe('browser-mode web host', () => {
  it('carries a bridge call and its envelope', async () => {
    const reply = await send('/bridge/call/settings.get', {
      method: 'POST',
      headers: json,
      body: '{"input":null}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: settings });
  });

  it('answers unknown calls with the contract error, not a crash', async () => {
    const reply = await send('/bridge/call/shell.exec', { method: 'POST', headers: json, body: '{}' });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('refuses calls from another origin, another Host, or without a JSON body', async () => {
    const evil = await send('/bridge/call/settings.get', {
      method: 'POST',
      headers: { ...json, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(evil.status).toBe(403);
    const crossSite = await send('/bridge/call/settings.get', {
      method: 'POST',
      headers: { ...json, 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const rebound = await send('/', { headers: { host: 'attacker.example:80' } });
    expect(rebound.status).toBe(421);
    const form = await send('/bridge/call/settings.get', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'input=1',
    });
    expect(form.status).toBe(415);
  });

  it('streams events to the page as server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/bridge/events' }, (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
          if (text.includes('event: tasks.changed')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
      setTimeout(() => hub.emit('tasks.changed', { taskIds: ['t-1'] }), 100);
    });
    expect(await received).toContain('event: tasks.changed\ndata: {"taskIds":["t-1"]}\n\n');
  });

  it('serves the renderer, falls back to index.html, and never leaves its folder', async () => {
    const page = await send('/inbox');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>HITdesk</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await send('/assets/app-1234.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await send('/assets/..%2f..%2f..%2f..%2fetc%2fpasswd')).status).toBe(400);
    const dotted = await send('/%2e%2e/%2e%2e/etc/passwd');
    expect(dotted.body).not.toContain('root:');
    expect(resolveInside('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveInside('/srv/app', '/a/../b.js')).toBe('/srv/app/b.js');
  });

  it('serves /media/<sha256> with Range to the app only, and 404 for anything it does not hold', async () => {
    const whole = await send(`/media/${SHA}`);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.body).toBe(MEDIA.toString());
    const part = await send(`/media/${SHA}`, { headers: { range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 4-11/${MEDIA.length}`);
    expect(part.body).toBe('....WAVE');
    expect((await send(`/media/${SHA}`, { headers: { range: `bytes=${MEDIA.length}-` } })).status).toBe(416);
    expect((await send(`/media/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await send('/media/%2e%2e%2findex.html')).status).toBe(404);
    // Another site embedding the file could learn what this laptop holds: refused.
    const embedded = await send(`/media/${SHA}`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(embedded.status).toBe(403);
  });
});
