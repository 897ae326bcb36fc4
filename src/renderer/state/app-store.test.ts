import { beforeEach, describe, expect, it } from 'vitest';
import {
  BridgeError,
  type BridgeCallName,
  type BridgeResult,
  type Session,
  type Settings,
  type TaskSummary,
} from '../../shared/bridge';
import { setTransportForTests, type Transport } from '../api';
import {
  boot,
  openTask,
  saveBeforeSignOut,
  sessionChanged,
  signIn,
  signOut,
  startDemo,
  taskSubmitted,
  useAppStore,
} from './app-store';
import { takeTasks, useTasksStore } from './tasks-store';

/** A small in-memory main: just enough of each handler for the navigation rules under test. */
function fakeMain() {
  const state = {
    settings: { serverUrl: null, locale: null, demoRunning: false } as Settings,
    session: null as Session | null,
    tasks: [] as TaskSummary[],
    queue: 2,
  };
  const task = (taskId: string): TaskSummary => ({
    taskId,
    kind: 'text_moderation',
    projectName: 'Reviews',
    state: 'todo',
    preview: 'Great product',
    updatedAt: '2025-03-10T12:00:00Z',
    leaseExpiresAt: '2025-03-13T12:00:00Z',
    serverMessage: null,
  });
  const handlers: Partial<Record<BridgeCallName, (input: never) => unknown>> = {
    'settings.get': () => state.settings,
    'session.get': () => state.session,
    'demo.start': () => {
      state.settings = { ...state.settings, serverUrl: 'http://127.0.0.1:7000', demoRunning: true };
      return { serverUrl: 'http://127.0.0.1:7000', username: 'demo', password: 'demo-pass' };
    },
    'session.signIn': (input: { username: string; password: string }) => {
      if (input.password !== 'demo-pass') throw new BridgeError('bad_credentials', 'wrong password');
      state.session = {
        userId: 'u1',
        username: input.username,
        displayName: 'Awa',
        role: 'hitter',
        serverUrl: 'http://127.0.0.1:7000',
        offline: false,
      };
      return state.session;
    },
    'tasks.list': () => state.tasks,
    'batch.take': (input: { count: number }) => {
      if (state.queue === 0) throw new BridgeError('no_tasks', 'queue empty');
      const taken = Array.from({ length: Math.min(input.count, state.queue) }, (_, i) => task(`t${i + 1}`));
      state.queue -= taken.length;
      state.tasks.push(...taken);
      return { taken: taken.length, tasks: taken };
    },
    'sync.status': () => ({
      online: true,
      syncing: false,
      pendingCount: 0,
      lastSyncAt: null,
      lastError: null,
      nextRetryAt: null,
    }),
  };
  const transport: Transport = {
    async call(name, input): Promise<BridgeResult<unknown>> {
      const handler = handlers[name];
      if (!handler) return { ok: false, error: { code: 'unknown_call', message: name } };
      try {
        return { ok: true, value: handler(input as never) };
      } catch (error) {
        return { ok: false, error: (error as BridgeError).toBody() };
      }
    },
    on: () => () => undefined,
  };
  const submit = (taskId: string) => {
    const found = state.tasks.find((t) => t.taskId === taskId)!;
    found.state = 'pending';
    return { ...found };
  };
  return { state, transport, submit };
}

const screen = () => useAppStore.getState().screen;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('app navigation', () => {
  let main: ReturnType<typeof fakeMain>;
  beforeEach(() => {
    main = fakeMain();
    setTransportForTests(main.transport);
    useAppStore.setState({ session: null, settings: null, run: [], flash: null, prefill: null });
    useTasksStore.setState({ tasks: null, loadError: null });
  });

  it('starts on setup when no server is chosen, and the demo leads to sign-in with its account filled in', async () => {
    await boot();
    expect(screen()).toEqual({ name: 'setup' });
    await startDemo();
    expect(screen()).toEqual({ name: 'signIn' });
    expect(useAppStore.getState().prefill).toEqual({ username: 'demo', password: 'demo-pass' });
  });

  it('stays on sign-in when the password is wrong, and reaches the inbox with tasks loaded when right', async () => {
    await boot();
    await startDemo();
    await expect(signIn('demo', 'nope')).rejects.toMatchObject({ code: 'bad_credentials' });
    expect(screen()).toEqual({ name: 'signIn' });
    await signIn('demo', 'demo-pass');
    expect(screen()).toEqual({ name: 'inbox' });
    expect(useAppStore.getState().prefill).toBeNull();
  });

  it('walks through the run after each submission, then returns to the inbox saying all is done', async () => {
    await boot();
    await startDemo();
    await signIn('demo', 'demo-pass');
    expect(await takeTasks(5)).toBe(2);
    expect(await takeTasks(5)).toBe(0);
    openTask('t1');
    expect(useAppStore.getState().run).toEqual(['t1', 't2']);
    taskSubmitted(main.submit('t1'));
    expect(screen()).toEqual({ name: 'task', taskId: 't2' });
    expect(useAppStore.getState().flash).toBe('nextTask');
    const flashesBefore = useAppStore.getState().flashCount;
    taskSubmitted(main.submit('t2'));
    expect(screen()).toEqual({ name: 'inbox' });
    expect(useAppStore.getState().flash).toBe('allDone');
    expect(useAppStore.getState().flashCount).toBe(flashesBefore + 1);
    await settle();
  });

  it('goes back to sign-in when main says the session ended', async () => {
    await boot();
    await startDemo();
    await signIn('demo', 'demo-pass');
    sessionChanged(null);
    expect(screen()).toEqual({ name: 'signIn' });
    expect(useTasksStore.getState().tasks).toBeNull();
  });

  it('shows what went wrong when main cannot be reached at start', async () => {
    setTransportForTests({
      call: async () => {
        throw new TypeError('Failed to fetch');
      },
      on: () => () => undefined,
    });
    await boot();
    expect(screen()).toMatchObject({ name: 'bootFailed', error: { code: 'internal' } });
  });
});

describe('signing out', () => {
  it('saves what an open task still holds before the session ends', async () => {
    const calls: string[] = [];
    setTransportForTests({
      call: async (name) => {
        calls.push(name);
        return { ok: true, value: null };
      },
      on: () => () => undefined,
    });
    useAppStore.setState({
      session: {
        userId: 'u',
        username: 'a',
        displayName: 'A',
        role: 'hitter',
        serverUrl: 's',
        offline: false,
      },
      settings: { serverUrl: 's', locale: null, demoRunning: false },
    });
    const forget = saveBeforeSignOut(async () => {
      calls.push('draft saved');
    });
    await signOut();
    forget();
    expect(calls).toEqual(['draft saved', 'session.signOut']);
    expect(useAppStore.getState().screen).toEqual({ name: 'signIn' });
  });
});
