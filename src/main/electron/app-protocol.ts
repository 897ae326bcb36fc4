import { net, protocol } from 'electron';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { MediaReply } from '../services/media/media-reply';
import type { MediaRequest } from '../services/workstation';
import { CONTENT_SECURITY_POLICY, resolveInside } from '../web/static-files';
import { APP_HOST, APP_SCHEME } from './origin';

export type ServeMedia = (path: string, request: MediaRequest) => Promise<MediaReply>;

/** Must run before `app` is ready: makes app:// a secure, standard origin with fetch support. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer under app://hitdesk, refusing any path that leaves its folder, and
 * `app://hitdesk/media/<sha256>` from the signed-in profile's media (the same code as browser mode).
 */
export function serveRendererOverAppScheme(rendererDir: string, serveMedia: () => ServeMedia | null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('unknown host', { status: 404 });
    if (url.pathname.startsWith('/media/')) {
      const serve = serveMedia();
      if (!serve) return new Response(null, { status: 404 });
      const reply = await serve(url.pathname, {
        method: request.method,
        range: request.headers.get('range') ?? undefined,
      });
      const body = reply.body ? (Readable.toWeb(reply.body) as ReadableStream<Uint8Array>) : null;
      return new Response(body, { status: reply.status, headers: reply.headers });
    }
    const file = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (file === null) return new Response('bad path', { status: 400 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!file.endsWith('.html')) return response;
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}
