import Fastify, { type FastifyInstance } from 'fastify';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';
import type { QueueServices } from '../context';
import { notFoundRoute, sendError } from './error-replies';
import { handlers } from './handlers';
import { buildOpenApiDocument } from './openapi';
import { checkProtocolHeader } from './protocol-version';
import { JSON_BODY_LIMIT, registerEndpoints } from './routes';

export type HttpAppOptions = { services: QueueServices; log?: boolean };

/** The queue's HTTP API: every route of the shared endpoint table, plus `/openapi.json`. */
export function buildHttpApp({ services, log = false }: HttpAppOptions): FastifyInstance {
  const app = Fastify({
    logger: log,
    bodyLimit: JSON_BODY_LIMIT,
    // Keep-alive connections from workstations must not hold a shutdown open.
    forceCloseConnections: 'idle',
  });

  installBodyParsers(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    checkProtocolHeader(request.headers[PROTOCOL_HEADER]);
  });
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendError(notFoundRoute(request), request, reply));

  registerEndpoints(app, services, handlers);
  const openApi = buildOpenApiDocument();
  app.get('/openapi.json', async () => openApi);
  return app;
}

function installBodyParsers(app: FastifyInstance): void {
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  // Fastify's JSON parser (it refuses __proto__ poisoning), but an empty body counts as no body:
  // some clients send a JSON content type on every POST, even bodiless ones like sign-out.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    defaultJson(request, text, done);
  });
  // Imports: raw text, one JSON value a line (or CSV).
  app.addContentTypeParser(
    ['application/x-ndjson', 'text/plain', 'text/csv'],
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  );
  // Files (media, upload chunks): the raw stream, read by the handler within its own size limit.
  const rawStream = (_request: unknown, payload: unknown, done: (error: null, body: unknown) => void) =>
    done(null, payload);
  app.addContentTypeParser('application/octet-stream', rawStream);
  app.addContentTypeParser(/^(image|audio|video)\/[\w.+-]+$/, rawStream);
}
