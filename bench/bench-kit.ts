/**
 * What the page benchmarks (image, audio) share: building a harness page with Vite, serving it on
 * loopback next to the bench's own routes.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.jpg': 'image/jpeg',
};

/** Builds `bench/<name>` (a Vite page) into `outDir`. */
export async function buildHarness(name: string, outDir: string): Promise<string> {
  await build({
    root: join(root, 'bench', name),
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: true, chunkSizeWarningLimit: 4000 },
  });
  return outDir;
}

/**
 * Serves the built harness in `dir` on loopback; `route` answers the bench's own paths first
 * (returning true when it did).
 */
export function serveHarness(
  dir: string,
  route: (path: string, request: IncomingMessage, response: ServerResponse) => boolean,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (route(path, request, response)) return;
    const asset = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!asset.startsWith(dir) || !existsSync(asset) || !statSync(asset).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(asset)] ?? 'application/octet-stream' });
    createReadStream(asset).pipe(response);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}
