import { describe, expect, it } from 'vitest';
import { BridgeError, type BridgeResult } from '../../shared/bridge';
import { createBridgeClient } from './client';
import type { Transport } from './transport';

function transportAnswering(answer: (name: string, input: unknown) => Promise<BridgeResult<unknown>>) {
  const seen: { name: string; input: unknown }[] = [];
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const transport: Transport = {
    call: (name, input) => {
      seen.push({ name, input });
      return answer(name, input);
    },
    on: (event, listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        );
    },
  };
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { transport, seen, emit };
}

describe('bridge client', () => {
  it('sends the input and resolves with the value of an ok envelope', async () => {
    const { transport, seen } = transportAnswering(async () => ({ ok: true, value: { savedAt: 'now' } }));
    const client = createBridgeClient(transport);
    await expect(
      client.call('tasks.saveDraft', { taskId: 't1', draft: { decision: null } }),
    ).resolves.toEqual({ savedAt: 'now' });
    expect(seen).toEqual([{ name: 'tasks.saveDraft', input: { taskId: 't1', draft: { decision: null } } }]);
  });

  it('passes undefined as the input of calls that take none', async () => {
    const { transport, seen } = transportAnswering(async () => ({ ok: true, value: null }));
    await createBridgeClient(transport).call('session.signOut');
    expect(seen[0]).toEqual({ name: 'session.signOut', input: undefined });
  });

  it('rebuilds a BridgeError with its code and field from an error envelope', async () => {
    const { transport } = transportAnswering(async () => ({
      ok: false,
      error: { code: 'invalid_input', message: 'serverUrl: bad', field: 'serverUrl' },
    }));
    const failure = await createBridgeClient(transport)
      .call('settings.update', { serverUrl: 'nope' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BridgeError);
    expect(failure).toMatchObject({ code: 'invalid_input', field: 'serverUrl', message: 'serverUrl: bad' });
  });

  it('turns a transport that throws, or answers nonsense, into an internal BridgeError', async () => {
    const broken = createBridgeClient(
      transportAnswering(async () => {
        throw new Error('pipe closed');
      }).transport,
    );
    await expect(broken.call('app.info')).rejects.toMatchObject({ code: 'internal', message: 'pipe closed' });
    const nonsense = createBridgeClient(
      transportAnswering(async () => ({ ok: false, error: { code: 'made_up' } }) as never).transport,
    );
    await expect(nonsense.call('app.info')).rejects.toMatchObject({ code: 'internal' });
  });

  it('delivers events to listeners until they unsubscribe', () => {
    const { transport, emit } = transportAnswering(async () => ({ ok: true, value: null }));
    const client = createBridgeClient(transport);
    const got: unknown[] = [];
    const off = client.on('tasks.changed', (payload) => got.push(payload.taskIds));
    emit('tasks.changed', { taskIds: ['a'] });
    off();
    emit('tasks.changed', { taskIds: ['b'] });
    expect(got).toEqual([['a']]);
  });
});
