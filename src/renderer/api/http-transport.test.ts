import { describe, expect, it } from 'vitest';
import { createBridgeClient } from './client';
import { createHttpTransport, type EventSourceLike } from './http-transport';

type Request = { url: string; method: string; body: unknown; keepalive?: boolean };

/** A stand-in for the browser-mode host's HTTP side: records requests, answers with a Response. */
function hostAnswering(reply: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    const request: Request = { url, method: init.method ?? 'GET', body: JSON.parse(String(init.body)) };
    if (init.keepalive !== undefined) request.keepalive = init.keepalive;
    requests.push(request);
    return reply(request);
  }) as typeof fetch;
  return { requests, fetchFn };
}

class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  closed = false;
  private listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(listener));
  }
  removeEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  close() {
    this.closed = true;
  }
  dispatch(type: string, data: string) {
    this.listeners.get(type)?.forEach((listener) => listener({ data } as MessageEvent));
  }
}

describe('HTTP transport (browser mode)', () => {
  it('posts {"input": …} to /bridge/call/<name> and reads the envelope', async () => {
    const host = hostAnswering(() => Response.json({ ok: true, value: { taken: 2, tasks: [] } }));
    const client = createBridgeClient(createHttpTransport({ fetch: host.fetchFn, baseUrl: 'http://h' }));
    await expect(client.call('batch.take', { count: 2 })).resolves.toEqual({ taken: 2, tasks: [] });
    expect(host.requests).toEqual([
      { url: 'http://h/bridge/call/batch.take', method: 'POST', body: { input: { count: 2 } } },
    ]);
  });

  it('sends null as the input of calls without one', async () => {
    const host = hostAnswering(() => Response.json({ ok: true, value: null }));
    await createBridgeClient(createHttpTransport({ fetch: host.fetchFn })).call('session.get');
    expect(host.requests[0]).toMatchObject({ url: '/bridge/call/session.get', body: { input: null } });
  });

  it('keeps the error code of an error envelope even on a non-200 status', async () => {
    const host = hostAnswering(() =>
      Response.json({ ok: false, error: { code: 'bad_credentials', message: 'no' } }, { status: 401 }),
    );
    const client = createBridgeClient(createHttpTransport({ fetch: host.fetchFn }));
    await expect(client.call('session.signIn', { username: 'a', password: 'b' })).rejects.toMatchObject({
      code: 'bad_credentials',
    });
  });

  it('reports a host that is gone or answers without JSON as internal', async () => {
    const gone = createHttpTransport({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    await expect(createBridgeClient(gone).call('app.info')).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('Failed to fetch'),
    });
    const html = hostAnswering(() => new Response('<h1>502</h1>', { status: 502 }));
    await expect(
      createBridgeClient(createHttpTransport({ fetch: html.fetchFn })).call('app.info'),
    ).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('502') });
  });

  it('shares one EventSource for every listener and closes it when the last one leaves', () => {
    FakeEventSource.opened = [];
    const transport = createHttpTransport({ openEvents: (url) => new FakeEventSource(url) });
    const client = createBridgeClient(transport);
    const statuses: unknown[] = [];
    const changes: unknown[] = [];
    const offStatus = client.on('sync.status', (status) => statuses.push(status.pendingCount));
    const offChanges = client.on('tasks.changed', (change) => changes.push(change.taskIds));
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual(['/bridge/events']);
    const source = FakeEventSource.opened[0]!;
    source.dispatch('sync.status', JSON.stringify({ pendingCount: 3 }));
    source.dispatch('tasks.changed', 'not json');
    source.dispatch('tasks.changed', JSON.stringify({ taskIds: ['t1'] }));
    expect(statuses).toEqual([3]);
    expect(changes).toEqual([['t1']]);
    offStatus();
    expect(source.closed).toBe(false);
    offChanges();
    expect(source.closed).toBe(true);
  });

  it('sends what is asked while the page goes away as a keepalive request, if it is small enough', async () => {
    const host = hostAnswering(() => Response.json({ ok: true, value: null }));
    const page = new EventTarget();
    const client = createBridgeClient(createHttpTransport({ fetch: host.fetchFn, page }));
    const save = (text: string) => client.call('tasks.saveDraft', { taskId: 't1', draft: { text } });
    await save('before');
    page.dispatchEvent(new Event('pagehide'));
    await save('while leaving');
    await save('x'.repeat(30_000)); // over Chromium's keepalive quota: a plain request
    page.dispatchEvent(new Event('pageshow')); // back from the back/forward cache
    await save('after');
    expect(host.requests.map((request) => request.keepalive)).toEqual([
      undefined,
      true,
      undefined,
      undefined,
    ]);
  });
});
