import type { BridgeResult } from '../../shared/bridge';
import type { Transport } from './transport';

/** The parts of EventSource the transport uses, so tests can hand in their own. */
export type EventSourceLike = {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
};

export type HttpTransportOptions = {
  /** Where the host serves the bridge; '' for the same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  openEvents?: (url: string) => EventSourceLike;
  /** Where `pagehide` and `pageshow` arrive (the window); tests hand in their own. */
  page?: EventTarget;
};

/**
 * Chromium lets keepalive requests carry 64 KiB in all; a larger body goes as a plain request
 * (a draft that large was saved by the autosave timer long before, save its last edits).
 */
const KEEPALIVE_BODY_LIMIT = 60_000;

function failure(message: string): BridgeResult<unknown> {
  return { ok: false, error: { code: 'internal', message } };
}

function looksLikeResult(value: unknown): value is BridgeResult<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

/**
 * Browser mode: `POST /bridge/call/<name>` with `{"input": …}` returns the envelope; events arrive
 * on one shared EventSource at `/bridge/events`, one SSE event name per bridge event.
 */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const openEvents = options.openEvents ?? ((url: string) => new EventSource(url));
  let source: EventSourceLike | null = null;
  let listeners = 0;
  // While the page goes away (reload, closed tab), a request must outlive it: the last autosave
  // of a task is sent from `pagehide`, and an ordinary fetch is cancelled with the page.
  let leaving = false;
  const page = options.page ?? (typeof window === 'undefined' ? undefined : window);
  page?.addEventListener('pagehide', () => (leaving = true), { capture: true });
  page?.addEventListener('pageshow', () => (leaving = false), { capture: true });

  return {
    async call(name, input) {
      const request = JSON.stringify({ input: input === undefined ? null : input });
      // UTF-8 takes at most three bytes per UTF-16 unit: a bound without encoding the body.
      const keepalive = leaving && request.length * 3 <= KEEPALIVE_BODY_LIMIT;
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/bridge/call/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: request,
          ...(keepalive ? { keepalive } : {}),
        });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return failure(`could not reach the app host: ${detail}`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failure(`the app host answered ${response.status} without a JSON body`);
      }
      return looksLikeResult(body)
        ? body
        : failure(`the app host answered ${response.status} without a bridge result`);
    },

    on(event, listener) {
      source ??= openEvents(`${baseUrl}/bridge/events`);
      const current = source;
      const onMessage = (message: MessageEvent) => {
        let payload: unknown;
        try {
          payload = JSON.parse(String(message.data));
        } catch {
          return; // a broken event is dropped; the next status or refresh puts things right
        }
        listener(payload);
      };
      current.addEventListener(event, onMessage);
      listeners += 1;
      return () => {
        current.removeEventListener(event, onMessage);
        listeners -= 1;
        if (listeners === 0 && source === current) {
          current.close();
          source = null;
        }
      };
    },
  };
}
