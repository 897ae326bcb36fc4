import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { User } from '../../shared/domain/user';
import {
  ENDPOINT_NAMES,
  endpoints,
  type EndpointName,
  type EndpointRequest,
  type EndpointResponse,
  type Endpoints,
  type EndpointSpec,
} from '../../shared/protocol/endpoints';
import type { Viewer } from '../auth/policy';
import { authenticate, requireRole } from '../auth/sessions';
import { bearerTokenOf } from '../auth/tokens';
import type { QueueServices } from '../context';
import { ApiError, invalidInputFromZod } from '../errors';
import { isBinaryBody, isReadable, sendBinary } from './binary';

export const JSON_BODY_LIMIT = 1024 * 1024;
export const NDJSON_BODY_LIMIT = 64 * 1024 * 1024;

/** Who is calling, as far as a public endpoint cares: the services, a logger, the client address. */
export type PublicContext = QueueServices & { log: FastifyBaseLogger; ip: string };
export type SignedInContext = PublicContext & { user: User; tokenHash: string; viewer: Viewer };

/** Public endpoints get no user; every other handler can count on one, with its role already checked. */
export type ContextFor<K extends EndpointName> = Endpoints[K]['auth'] extends 'public'
  ? PublicContext
  : SignedInContext;

export type Handler<K extends EndpointName> = (
  request: EndpointRequest<K>,
  context: ContextFor<K>,
) => Promise<EndpointResponse<K>>;

/** One handler per endpoint of the shared table: the compiler rejects a missing or mistyped one. */
export type Handlers = { [K in EndpointName]: Handler<K> };

type AnyHandler = (
  request: { params: unknown; query: unknown; body: unknown },
  context: PublicContext | SignedInContext,
) => Promise<unknown>;

/** Registers every endpoint of the shared table, each with auth, validation and a checked response. */
export function registerEndpoints(app: FastifyInstance, services: QueueServices, handlers: Handlers): void {
  for (const name of ENDPOINT_NAMES) {
    const spec: EndpointSpec = endpoints[name];
    const handler = handlers[name] as unknown as AnyHandler;
    app.route({
      method: spec.method,
      url: spec.path,
      bodyLimit: spec.bodyFormat === 'ndjson' ? NDJSON_BODY_LIMIT : JSON_BODY_LIMIT,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const context = await contextFor(spec, services, request);
        const input = {
          params: spec.params ? parsePart(spec.params, request.params) : {},
          query: parseQuery(spec, request.query),
          body: spec.body ? parsePart(spec.body, bodyOf(spec, request)) : undefined,
        };
        const output = await handler(input, context);
        if (spec.responseFormat === 'binary') {
          if (!isBinaryBody(output)) throw new Error(`${name} must answer with a file or bytes`);
          return sendBinary(request, reply, output, spec.status ?? 200);
        }
        const checked = spec.response.safeParse(output);
        if (!checked.success) {
          // Our own answer breaks the contract: a bug, never the client's fault.
          throw new Error(`response of ${name} does not match its schema: ${checked.error.message}`);
        }
        return reply.code(spec.status ?? 200).send(checked.data);
      },
    });
  }
}

async function contextFor(
  spec: EndpointSpec,
  services: QueueServices,
  request: FastifyRequest,
): Promise<PublicContext | SignedInContext> {
  const base: PublicContext = { ...services, log: request.log, ip: request.ip };
  if (spec.auth === 'public') return base;
  const { user, tokenHash, viewer } = await authenticate(
    services.db,
    bearerTokenOf(request.headers.authorization),
    services.sessions,
  );
  if (spec.auth !== 'user') requireRole(user, spec.auth);
  return { ...base, user, tokenHash, viewer };
}

/**
 * The query parameters, checked: one the endpoint does not read is refused by name (a typo such
 * as `?limt=10` would otherwise be ignored in silence, and the client would get the default).
 */
function parseQuery(spec: EndpointSpec, query: unknown): unknown {
  const known = spec.query ? Object.keys(spec.query.shape) : [];
  const unknown = Object.keys((query ?? {}) as object).find((name) => !known.includes(name));
  if (unknown !== undefined) {
    const reads = known.length > 0 ? `this endpoint reads ${known.join(', ')}` : 'this endpoint reads none';
    throw new ApiError(400, 'invalid_input', `unknown query parameter "${unknown}": ${reads}`, {
      field: unknown,
    });
  }
  return spec.query ? parsePart(spec.query, query) : {};
}

function parsePart(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInputFromZod(parsed.error);
  return parsed.data;
}

/** The body in the format the endpoint expects, or a 415 that says which format to send. */
function bodyOf(spec: EndpointSpec, request: FastifyRequest): unknown {
  const body = request.body;
  if (spec.bodyFormat === 'binary') {
    if (!isReadable(body)) throw wrongFormat('application/octet-stream (the file bytes)');
    return body;
  }
  if (isReadable(body)) throw wrongFormat('application/json');
  if (spec.bodyFormat === 'ndjson') {
    if (body === undefined || body === null) return '';
    if (typeof body !== 'string') throw wrongFormat('application/x-ndjson (one JSON object a line)');
    return body;
  }
  if (typeof body === 'string') throw wrongFormat('application/json');
  return body;
}

function wrongFormat(expected: string): ApiError {
  return new ApiError(415, 'invalid_input', `wrong content type: send the body as ${expected}`);
}
