import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { CallAborted, createQueueClient, QueueError, type QueueFailure } from './queue-client';
import {
  apiError,
  health,
  startStubQueue,
  type StubQueue,
} from '../../../test/helpers/workstation/stub-queue';

let stub: StubQueue | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

async function failureOf(promise: Promise<unknown>): Promise<QueueFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QueueError);
  return (error as QueueError).failure;
}

const user = {
  id: '0b8f7a52-6d7c-4b0e-8f57-3c3d3f3f0a01',
  username: 'amina',
  displayName: 'Amina',
  role: 'hitter',
};

describe('queue client', () => {
  it('builds requests from the endpoint table: method, path, protocol header, bearer token, JSON body', async () => {
    stub = await startStubQueue(() => ({ status: 200, json: { tasks: [] } }));
    const client = createQueueClient({ baseUrl: `${stub.url}/`, timeoutMs: 2000, token: () => 'tok-9' });
    await expect(client.call('leaseTasks', { body: { count: 3 } })).resolves.toEqual({ tasks: [] });
    const [request] = stub.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/leases', body: { count: 3 } });
    expect(request?.headers['x-hitdesk-protocol']).toBe(String(PROTOCOL_VERSION));
    expect(request?.headers.authorization).toBe('Bearer tok-9');
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('fills path parameters and the query, and sends no token to public endpoints', async () => {
    stub = await startStubQueue((request) =>
      request.path.startsWith('/v1/health')
        ? { status: 200, json: health }
        : { status: 200, json: { results: [], nextAfter: null } },
    );
    const client = createQueueClient({ baseUrl: stub.url, timeoutMs: 2000, token: () => 'tok-9' });
    await client.call('health', {});
    await client.call('listResults', {
      params: { projectId: '5a8f1c1e-3a57-4a6f-9c39-0d5f4c1f1a01' },
      query: { limit: 10, after: 20 },
    });
    expect(stub.requests[0]?.headers.authorization).toBeUndefined();
    expect(stub.requests[1]?.path).toBe(
      '/v1/projects/5a8f1c1e-3a57-4a6f-9c39-0d5f4c1f1a01/results?limit=10&after=20',
    );
  });

  it('parses the response with the endpoint schema', async () => {
    stub = await startStubQueue(() => ({
      status: 200,
      json: { token: 't', expiresAt: '2026-03-15T10:00:00.000Z', user },
    }));
    const client = createQueueClient({ baseUrl: stub.url, timeoutMs: 2000 });
    const result = await client.call('signIn', { body: { username: 'amina', password: 'password1' } });
    expect(result.user.displayName).toBe('Amina');
  });

  it('turns a queue error body into an http failure with status, code, message and field', async () => {
    stub = await startStubQueue(() =>
      apiError(400, 'invalid_input', 'answer.reason: unknown', 'answer.reason'),
    );
    const client = createQueueClient({ baseUrl: stub.url, timeoutMs: 2000 });
    expect(await failureOf(client.call('health', {}))).toEqual({
      kind: 'http',
      status: 400,
      code: 'invalid_input',
      message: 'answer.reason: unknown',
      field: 'answer.reason',
    });
  });

  it('reports a closed port as a network failure', async () => {
    stub = await startStubQueue(() => ({ status: 200, json: health }));
    const url = stub.url;
    await stub.close();
    stub = null;
    const client = createQueueClient({ baseUrl: url, timeoutMs: 2000 });
    expect(await failureOf(client.call('health', {}))).toMatchObject({
      kind: 'network',
      reason: 'unreachable',
    });
  });

  it('reports a dropped connection and a silent server (timeout) as network failures', async () => {
    stub = await startStubQueue(() => 'drop');
    const client = createQueueClient({ baseUrl: stub.url, timeoutMs: 300 });
    expect(await failureOf(client.call('health', {}))).toMatchObject({
      kind: 'network',
      reason: 'unreachable',
    });
    stub.setHandler(() => 'hang');
    expect(await failureOf(client.call('health', {}))).toMatchObject({ kind: 'network', reason: 'timeout' });
  });

  it('treats answers that did not come from a queue (captive portal, proxy page) as no answer', async () => {
    stub = await startStubQueue(() => ({ status: 200, text: '<html>Sign in to the café Wi-Fi</html>' }));
    const client = createQueueClient({ baseUrl: stub.url, timeoutMs: 2000 });
    expect(await failureOf(client.call('health', {}))).toMatchObject({
      kind: 'network',
      reason: 'not_a_queue',
    });
    stub.setHandler(() => ({ status: 502, text: '<html>Bad gateway</html>' }));
    expect(await failureOf(client.call('health', {}))).toMatchObject({
      kind: 'network',
      reason: 'not_a_queue',
    });
  });

  it('distinguishes cancellation from a timeout', async () => {
    stub = await startStubQueue(() => 'hang');
    const client = createQueueClient({ baseUrl: stub.url, timeoutMs: 10_000 });
    const controller = new AbortController();
    const call = client.call('health', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toBeInstanceOf(CallAborted);
  });
});
