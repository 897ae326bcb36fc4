import {
  endpointPath,
  endpoints,
  type EndpointInput,
  type EndpointName,
  type EndpointResponse,
  type EndpointSpec,
} from '../../shared/protocol/endpoints';
import { apiErrorSchema, type ApiErrorCode } from '../../shared/protocol/errors';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';

/**
 * Why a call failed. `network`: no answer from a queue (offline, timed out, or something else
 * answered — a captive portal, a proxy's error page); the answer may or may not have been
 * committed, so only idempotent retries are safe. `http`: the queue answered with an error.
 */
export type QueueFailure =
  | { kind: 'network'; reason: 'unreachable' | 'timeout' | 'not_a_queue'; detail: string }
  | { kind: 'http'; status: number; code: ApiErrorCode; message: string; field?: string; line?: number };

export class QueueError extends Error {
  readonly failure: QueueFailure;
  constructor(failure: QueueFailure, endpoint: string) {
    super(
      failure.kind === 'network'
        ? `${endpoint}: no answer from the queue (${failure.reason}): ${failure.detail}`
        : `${endpoint}: the queue answered ${failure.status} ${failure.code}: ${failure.message}`,
    );
    this.name = 'QueueError';
    this.failure = failure;
  }
}

/** The cancellation `stop()` uses, as opposed to a timeout. */
export class CallAborted extends Error {
  constructor() {
    super('the call was cancelled');
    this.name = 'CallAborted';
  }
}

export type QueueClientOptions = {
  /** The queue's base URL, without a trailing slash (it may include a path prefix). */
  baseUrl: string;
  timeoutMs: number;
  /** The bearer token to send to endpoints that need one. */
  token?: () => string | null;
};

export type CallOptions = { signal?: AbortSignal; token?: string | null };

type LooseInput = { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };

export type QueueClient = {
  readonly baseUrl: string;
  call<K extends EndpointName>(
    name: K,
    input: EndpointInput<K>,
    options?: CallOptions,
  ): Promise<EndpointResponse<K>>;
};

/** A typed client for every endpoint of the shared table; one generic `call`. */
export function createQueueClient(options: QueueClientOptions): QueueClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function call<K extends EndpointName>(
    name: K,
    input: EndpointInput<K>,
    callOptions: CallOptions = {},
  ): Promise<EndpointResponse<K>> {
    const spec: EndpointSpec = endpoints[name];
    const { params, query, body } = (input ?? {}) as LooseInput;
    const url = new URL(`${baseUrl}${endpointPath(spec.path, params)}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      accept: 'application/json',
    };
    const token = callOptions.token !== undefined ? callOptions.token : (options.token?.() ?? null);
    if (spec.auth !== 'public' && token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (spec.body !== undefined) {
      const ndjson = spec.bodyFormat === 'ndjson';
      headers['content-type'] = ndjson ? 'application/x-ndjson' : 'application/json';
      payload = ndjson ? String(body) : JSON.stringify(body);
    }

    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
    const fail = (failure: QueueFailure) => new QueueError(failure, name);

    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method: spec.method, headers, body: payload, signal });
      text = await response.text();
    } catch (error) {
      if (callOptions.signal?.aborted) throw new CallAborted();
      if (timeout.aborted) {
        throw fail({
          kind: 'network',
          reason: 'timeout',
          detail: `no answer within ${options.timeoutMs} ms`,
        });
      }
      throw fail({ kind: 'network', reason: 'unreachable', detail: describeNetworkError(error) });
    }

    const json = parseJson(text);
    if (response.ok) {
      const parsed = spec.response.safeParse(json);
      if (!parsed.success) {
        throw fail({
          kind: 'network',
          reason: 'not_a_queue',
          detail: `${response.status} answer does not match the ${name} response (${excerpt(text)})`,
        });
      }
      return parsed.data as EndpointResponse<K>;
    }
    const apiError = apiErrorSchema.safeParse(json);
    if (!apiError.success) {
      // A HITdesk queue always answers errors in its own shape: this came from something else.
      throw fail({
        kind: 'network',
        reason: 'not_a_queue',
        detail: `HTTP ${response.status} from something that is not a HITdesk queue (${excerpt(text)})`,
      });
    }
    const { code, message, field, line } = apiError.data.error;
    throw fail({
      kind: 'http',
      status: response.status,
      code,
      message,
      ...(field !== undefined ? { field } : {}),
      ...(line !== undefined ? { line } : {}),
    });
  }

  return { baseUrl, call };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat || 'empty body';
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}
