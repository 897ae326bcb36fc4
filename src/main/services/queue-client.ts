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

export type OpenOptions = {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Statuses handed back as they are (e.g. 206 and 416 for a ranged download); others throw. */
  accept: readonly number[];
};

export type QueueClient = {
  readonly baseUrl: string;
  call<K extends EndpointName>(
    name: K,
    input: EndpointInput<K>,
    options?: CallOptions,
  ): Promise<EndpointResponse<K>>;
  /**
   * Starts a request to a binary endpoint (a media download) and hands back the response with its
   * body unread, for the caller to stream. No overall timeout: the caller watches for stalls.
   */
  open<K extends EndpointName>(name: K, input: EndpointInput<K>, options: OpenOptions): Promise<Response>;
};

/** A typed client for every endpoint of the shared table; one generic `call`. */
export function createQueueClient(options: QueueClientOptions): QueueClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  function requestOf(name: EndpointName, input: unknown, token: string | null | undefined) {
    const spec: EndpointSpec = endpoints[name];
    const { params, query, body } = (input ?? {}) as LooseInput;
    const url = new URL(`${baseUrl}${endpointPath(spec.path, params)}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      accept: spec.responseFormat === 'binary' ? '*/*' : 'application/json',
    };
    const bearer = token !== undefined ? token : (options.token?.() ?? null);
    if (spec.auth !== 'public' && bearer) headers.authorization = `Bearer ${bearer}`;
    let payload: string | Uint8Array | undefined;
    if (spec.body !== undefined) {
      if (spec.bodyFormat === 'binary') {
        headers['content-type'] = 'application/octet-stream';
        payload = body as Uint8Array;
      } else {
        const ndjson = spec.bodyFormat === 'ndjson';
        headers['content-type'] = ndjson ? 'application/x-ndjson' : 'application/json';
        payload = ndjson ? String(body) : JSON.stringify(body);
      }
    }
    return { spec, url, headers, payload };
  }

  /** The queue's error answer as a QueueError (or a network failure when it is not the queue's). */
  function httpFailure(name: EndpointName, status: number, text: string): QueueError {
    const apiError = apiErrorSchema.safeParse(parseJson(text));
    if (!apiError.success) {
      // A HITdesk queue always answers errors in its own shape: this came from something else.
      return new QueueError(
        {
          kind: 'network',
          reason: 'not_a_queue',
          detail: `HTTP ${status} from something that is not a HITdesk queue (${excerpt(text)})`,
        },
        name,
      );
    }
    const { code, message, field, line } = apiError.data.error;
    return new QueueError(
      {
        kind: 'http',
        status,
        code,
        message,
        ...(field !== undefined ? { field } : {}),
        ...(line !== undefined ? { line } : {}),
      },
      name,
    );
  }

  async function open<K extends EndpointName>(
    name: K,
    input: EndpointInput<K>,
    openOptions: OpenOptions,
  ): Promise<Response> {
    const { spec, url, headers, payload } = requestOf(name, input, undefined);
    let response: Response;
    try {
      response = await fetch(url, {
        method: spec.method,
        headers: { ...headers, ...openOptions.headers },
        body: payload as RequestInit['body'],
        ...(openOptions.signal ? { signal: openOptions.signal } : {}),
      });
    } catch (error) {
      if (openOptions.signal?.aborted) throw new CallAborted();
      throw new QueueError(
        { kind: 'network', reason: 'unreachable', detail: describeNetworkError(error) },
        name,
      );
    }
    if (openOptions.accept.includes(response.status)) return response;
    let text = '';
    try {
      text = await response.text();
    } catch (error) {
      throw new QueueError(
        { kind: 'network', reason: 'unreachable', detail: describeNetworkError(error) },
        name,
      );
    }
    throw httpFailure(name, response.status, text);
  }

  async function call<K extends EndpointName>(
    name: K,
    input: EndpointInput<K>,
    callOptions: CallOptions = {},
  ): Promise<EndpointResponse<K>> {
    const { spec, url, headers, payload } = requestOf(name, input, callOptions.token);

    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
    const fail = (failure: QueueFailure) => new QueueError(failure, name);

    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: spec.method,
        headers,
        body: payload as RequestInit['body'],
        signal,
      });
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
    throw httpFailure(name, response.status, text);
  }

  return { baseUrl, call, open };
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
