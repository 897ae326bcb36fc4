import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors';

/** Every failure becomes an `apiErrorSchema` body, Fastify's own errors included. */
export function toApiError(error: unknown, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  const fastifyError = error as Partial<FastifyError> & { status?: number };
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        413,
        'payload_too_large',
        `the request body is larger than this endpoint accepts (${megabytes(request.routeOptions.bodyLimit)})`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'invalid_input',
        `content type "${request.headers['content-type'] ?? ''}" is not accepted: send application/json (imports: application/x-ndjson or text/csv; files: application/octet-stream)`,
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'invalid_input', 'the body is not valid JSON');
    case 'FST_ERR_NOT_FOUND':
      return notFoundRoute(request);
  }
  const status = fastifyError.statusCode ?? fastifyError.status;
  if (error instanceof SyntaxError && status === 400) {
    return new ApiError(400, 'invalid_input', `the body is not valid JSON: ${error.message}`);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(
      status,
      status === 404 ? 'not_found' : 'invalid_input',
      fastifyError.message ?? 'bad request',
    );
  }
  return new ApiError(500, 'internal', 'the queue server hit an unexpected error; it has been logged');
}

export function notFoundRoute(request: FastifyRequest): ApiError {
  return new ApiError(404, 'not_found', `no endpoint ${request.method} ${request.url.split('?')[0] ?? ''}`);
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const apiError = toApiError(error, request);
  if (apiError.status >= 500) request.log.error({ err: error }, 'request failed');
  if (apiError.status === 401) reply.header('www-authenticate', 'Bearer');
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.code(apiError.status).send(apiError.toBody());
}

function megabytes(bytes: number | undefined): string {
  if (!bytes) return 'its limit';
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
