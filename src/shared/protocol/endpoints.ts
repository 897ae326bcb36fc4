import type { z } from 'zod';
import { accountEndpoints, sessionEndpoints } from './endpoints-accounts';
import { projectEndpoints, resultEndpoints, reviewEndpoints } from './endpoints-projects';
import { workEndpoints } from './endpoints-work';
import { MINIMUM_PROTOCOL_VERSION, PROTOCOL_VERSION } from './version';

// The message schemas were here first; everything that imports them from here still may.
export * from './messages';
export type { EndpointSpec, HttpMethod } from './endpoint-spec';
export { EXPORT_FORMATS, type ExportFormatName } from './endpoints-projects';
export { MAX_LEASE_BATCH } from './endpoints-work';

/** Every endpoint of the central queue, in the order the OpenAPI document lists them. */
export const endpoints = {
  ...sessionEndpoints,
  ...projectEndpoints,
  ...workEndpoints,
  ...resultEndpoints,
  ...reviewEndpoints,
  ...accountEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
export const ENDPOINT_NAMES = Object.keys(endpoints) as EndpointName[];

type Out<T, Fallback> = T extends z.ZodType ? z.output<T> : Fallback;
type In<T, Fallback> = T extends z.ZodType ? z.input<T> : Fallback;
type Empty = Record<string, never>;

/** What a server handler receives, already validated. */
export type EndpointRequest<K extends EndpointName> = {
  params: Out<Endpoints[K] extends { params: infer P } ? P : undefined, Empty>;
  query: Out<Endpoints[K] extends { query: infer Q } ? Q : undefined, Empty>;
  body: Out<Endpoints[K] extends { body: infer B } ? B : undefined, undefined>;
};

/** What a client sends: only the parts the endpoint declares. */
export type EndpointInput<K extends EndpointName> = (Endpoints[K] extends { params: infer P }
  ? { params: In<P, never> }
  : unknown) &
  (Endpoints[K] extends { query: infer Q } ? { query?: In<Q, never> } : unknown) &
  (Endpoints[K] extends { body: infer B } ? { body: In<B, never> } : unknown);

export type EndpointResponse<K extends EndpointName> = z.output<Endpoints[K]['response']>;

/** Fills `:name` segments of a path; values are URL-encoded. */
export function endpointPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

export const SERVER_PROTOCOL = { current: PROTOCOL_VERSION, minimum: MINIMUM_PROTOCOL_VERSION } as const;
