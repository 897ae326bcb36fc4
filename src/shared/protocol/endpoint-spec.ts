/** How an endpoint of the central queue is declared, and what the declarations share (roles, paging). */
import { z } from 'zod';
import { idSchema, type Role } from '../domain/common';

export type HttpMethod = 'GET' | 'POST';

/**
 * One endpoint of the central queue, declared once. The server registers its routes and validates
 * from it, the workstation's client builds its requests from it, and the OpenAPI document is
 * generated from it.
 */
export type EndpointSpec = {
  method: HttpMethod;
  path: string;
  summary: string;
  /** `public`: no token; `user`: any signed-in account; a list: only those roles. */
  auth: 'public' | 'user' | readonly Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** `ndjson`: the body is raw text, one JSON value a line (imports); `binary`: raw bytes (media). */
  bodyFormat?: 'json' | 'ndjson' | 'binary';
  status?: 200 | 201;
  /** `binary`: the answer is the file itself (with Range support), not JSON; `response` is then unused. */
  responseFormat?: 'json' | 'binary';
  response: z.ZodType;
  /** When this endpoint answers 409 (a conflict with what is stored) or 429 (slow down), in words. */
  refusals?: { 409?: string; 429?: string };
};

export function endpoint<const E extends EndpointSpec>(spec: E): E {
  return spec;
}

export const projectParams = z.object({ projectId: idSchema });
export const managers = ['admin', 'supervisor'] as const satisfies readonly Role[];
export const staff = ['admin', 'supervisor', 'trainer'] as const satisfies readonly Role[];
export const admins = ['admin'] as const satisfies readonly Role[];
export const page = {
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  after: z.coerce.number().int().min(0).default(0),
};
