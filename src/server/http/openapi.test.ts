import { describe, expect, it } from 'vitest';
import { ENDPOINT_NAMES, endpoints } from '../../shared/protocol/endpoints';
import { buildOpenApiDocument, openApiPath } from './openapi';

type Operation = {
  operationId: string;
  security: unknown[];
  parameters: Array<{ name?: string; in?: string; $ref?: string }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }>;
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

const document = buildOpenApiDocument() as Document;

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with the error schema and bearer security', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas.ApiError).toMatchObject({ type: 'object', required: ['error'] });
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(JSON.stringify(document)).not.toContain('$schema');
  });

  it.each(ENDPOINT_NAMES)('describes %s: path, method, auth, inputs and responses', (name) => {
    const spec = endpoints[name];
    const operation = document.paths[openApiPath(spec.path)]?.[spec.method.toLowerCase()];
    expect(operation?.operationId).toBe(name);
    if (!operation) return;

    expect(operation.security).toEqual(spec.auth === 'public' ? [] : [{ bearer: [] }]);
    const success = operation.responses[String('status' in spec ? spec.status : 200)];
    const binaryAnswer = 'responseFormat' in spec && spec.responseFormat === 'binary';
    expect(success?.content[binaryAnswer ? '*/*' : 'application/json']?.schema).toBeTypeOf('object');
    if (binaryAnswer) expect(operation.responses['206']).toBeDefined();
    expect(operation.responses['400']?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ApiError',
    });
    if (spec.auth !== 'public') expect(operation.responses['401']).toBeDefined();

    const pathParams = [...spec.path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((match) => match[1]);
    const declared = operation.parameters.filter((parameter) => parameter.in === 'path').map((p) => p.name);
    expect(declared).toEqual(pathParams);
    if ('query' in spec) {
      const query = operation.parameters.filter((parameter) => parameter.in === 'query').map((p) => p.name);
      expect(query.sort()).toEqual(Object.keys(spec.query.shape).sort());
    }

    if ('body' in spec) {
      const format = 'bodyFormat' in spec ? spec.bodyFormat : 'json';
      const type =
        format === 'ndjson'
          ? 'application/x-ndjson'
          : format === 'binary'
            ? 'application/octet-stream'
            : 'application/json';
      expect(operation.requestBody?.content[type]?.schema).toBeTypeOf('object');
      expect(operation.responses['415']).toBeDefined();
    } else {
      expect(operation.requestBody).toBeUndefined();
    }
  });

  it('says which endpoints answer 409 (a conflict) and 429 (slow down), and only those', () => {
    const answering = (status: string) =>
      ENDPOINT_NAMES.filter((name) => {
        const spec = endpoints[name];
        return document.paths[openApiPath(spec.path)]?.[spec.method.toLowerCase()]?.responses[status];
      });
    expect(answering('429')).toEqual(['signIn']);
    expect(answering('409').sort()).toEqual(
      ['appendUpload', 'createCentre', 'createUpload', 'createUser', 'reviewSubmission', 'submit'].sort(),
    );
    const signIn = document.paths['/v1/auth/sign-in']?.post?.responses['429'] as unknown as {
      description: string;
    };
    expect(signIn.description).toContain('Retry-After');
  });

  it('documents request bodies as clients write them (defaults optional)', () => {
    const create = document.paths['/v1/projects']?.post?.requestBody?.content['application/json']?.schema as {
      oneOf: Array<{ required: string[] }>;
    };
    expect(create.oneOf[0]?.required.sort()).toEqual(['config', 'kind', 'name']);
  });
});
