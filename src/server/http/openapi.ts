import { z } from 'zod';
import { ENDPOINT_NAMES, endpoints, type EndpointSpec } from '../../shared/protocol/endpoints';
import { apiErrorSchema } from '../../shared/protocol/errors';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/ApiError' };

/** JSON Schema (2020-12, what OpenAPI 3.1 uses) of a zod schema, without the `$schema` line. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `/v1/projects/:projectId` → `/v1/projects/{projectId}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}');
}

function parametersOf(spec: EndpointSpec): unknown[] {
  const parameters: unknown[] = [{ $ref: '#/components/parameters/ProtocolVersion' }];
  for (const [location, object] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!object) continue;
    for (const [name, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
      parameters.push({
        name,
        in: location,
        required: location === 'path' || !field.safeParse(undefined).success,
        schema: schemaOf(field, 'input'),
      });
    }
  }
  return parameters;
}

function errorResponses(spec: EndpointSpec): Record<string, unknown> {
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: ERROR_REF } },
  });
  const responses: Record<string, unknown> = {
    '400': error(
      'invalid input (`invalid_input`, `invalid_import`) or a protocol newer than the server (`server_too_old`)',
    ),
    '426': error('the client speaks a protocol older than the server accepts (`client_too_old`)'),
    '500': error('unexpected server error (`internal`)'),
  };
  if (spec.body) {
    responses['413'] = error('the body is too large (`payload_too_large`)');
    responses['415'] = error('the body is not in the content type this endpoint reads (`invalid_input`)');
  }
  for (const [status, description] of Object.entries(spec.refusals ?? {}))
    responses[status] = error(description);
  if (spec.auth !== 'public')
    responses['401'] = error('no valid session (`unauthenticated`, `token_expired`)');
  if (spec.auth === 'public' && spec.body)
    responses['401'] = error('wrong username or password (`bad_credentials`)');
  if (Array.isArray(spec.auth))
    responses['403'] = error(`needs the role ${spec.auth.join(' or ')} (\`forbidden\`)`);
  if (spec.params || spec.body) responses['404'] = error('no such project or task (`not_found`)');
  return responses;
}

const BINARY = { type: 'string', contentMediaType: 'application/octet-stream' };

function successResponses(spec: EndpointSpec): Record<string, unknown> {
  if (spec.responseFormat !== 'binary') {
    return {
      [String(spec.status ?? 200)]: {
        description: spec.summary,
        content: { 'application/json': { schema: schemaOf(spec.response, 'output') } },
      },
    };
  }
  const file = { '*/*': { schema: BINARY } };
  return {
    [String(spec.status ?? 200)]: { description: `${spec.summary} (the bytes)`, content: file },
    '206': { description: 'the part asked for with a Range header', content: file },
    '304': { description: 'the copy named in If-None-Match is current' },
    '416': {
      description: 'the range is past the end of the file',
      content: { 'application/json': { schema: ERROR_REF } },
    },
  };
}

function requestContent(spec: EndpointSpec, body: JsonSchema): Record<string, unknown> {
  switch (spec.bodyFormat) {
    case 'ndjson':
      return {
        'application/x-ndjson': { schema: body },
        'text/plain': { schema: body },
        'text/csv': { schema: body },
      };
    case 'binary':
      return { 'application/octet-stream': { schema: BINARY } };
    default:
      return { 'application/json': { schema: body } };
  }
}

function operationOf(name: string, spec: EndpointSpec): Operation {
  const operation: Operation = {
    operationId: name,
    summary: spec.summary,
    parameters: parametersOf(spec),
    security: spec.auth === 'public' ? [] : [{ bearer: [] }],
    responses: { ...successResponses(spec), ...errorResponses(spec) },
  };
  if (Array.isArray(spec.auth)) operation['x-hitdesk-roles'] = [...spec.auth];
  if (spec.body) {
    const body = schemaOf(spec.body, 'input');
    operation.requestBody = { required: true, content: requestContent(spec, body) };
  }
  return operation;
}

/** The OpenAPI 3.1 document of the queue, generated from the same endpoint table the server registers. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const name of ENDPOINT_NAMES) {
    const spec: EndpointSpec = endpoints[name];
    const path = openApiPath(spec.path);
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = operationOf(name, spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'HITdesk central queue',
      version: String(PROTOCOL_VERSION),
      description:
        'Projects, imports, leases and submissions of the HITdesk queue. Send the protocol version in ' +
        `the ${PROTOCOL_HEADER} header; every error body has the ApiError shape.`,
    },
    paths,
    components: {
      schemas: { ApiError: schemaOf(apiErrorSchema, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'token from POST /v1/auth/sign-in' },
      },
      parameters: {
        ProtocolVersion: {
          name: PROTOCOL_HEADER,
          in: 'header',
          required: false,
          description: 'The wire protocol version the client speaks.',
          schema: { type: 'integer', example: PROTOCOL_VERSION },
        },
      },
    },
  };
}
