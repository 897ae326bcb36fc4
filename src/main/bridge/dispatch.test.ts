import { describe, expect, it } from 'vitest';
import { BridgeError, type BridgeHandlers } from '../../shared/bridge';
import { createDispatch } from './dispatch';

const settings = { serverUrl: null, locale: null, demoRunning: false };

function dispatchWith(handlers: Partial<BridgeHandlers>) {
  const logged: string[] = [];
  const dispatch = createDispatch(handlers as BridgeHandlers, (message) => logged.push(message));
  return { dispatch, logged };
}

describe('bridge dispatch', () => {
  it('refuses names outside the contract', async () => {
    const { dispatch } = dispatchWith({});
    expect(await dispatch('fs.readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'unknown_call', message: '"fs.readFile" is not a bridge call' },
    });
  });

  it('validates input and names the field at fault, without calling the handler', async () => {
    let called = false;
    const { dispatch } = dispatchWith({
      'batch.take': async () => {
        called = true;
        return { taken: 0, tasks: [] };
      },
    });
    const result = await dispatch('batch.take', { count: 500 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'count' } });
    expect(called).toBe(false);
  });

  it('accepts null for calls without input (JSON has no undefined)', async () => {
    const { dispatch } = dispatchWith({ 'settings.get': async () => settings });
    expect(await dispatch('settings.get', null)).toEqual({ ok: true, value: settings });
  });

  it('keeps the code of a BridgeError across the envelope', async () => {
    const { dispatch } = dispatchWith({
      'session.signIn': async () => {
        throw new BridgeError('bad_credentials', 'wrong password');
      },
    });
    expect(await dispatch('session.signIn', { username: 'awa', password: 'x' })).toEqual({
      ok: false,
      error: { code: 'bad_credentials', message: 'wrong password' },
    });
  });

  it('turns unexpected failures and contract-breaking outputs into internal errors, and logs them', async () => {
    const { dispatch, logged } = dispatchWith({
      'settings.get': async () => ({ serverUrl: 42 }) as never,
      'tasks.list': async () => {
        throw new Error('disk on fire');
      },
    });
    expect(await dispatch('settings.get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(await dispatch('tasks.list', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'tasks.list failed inside the app: disk on fire' },
    });
    expect(logged).toHaveLength(2);
  });
});
