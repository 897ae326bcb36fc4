import type { BridgeHandlers } from '../../../shared/bridge/contract';
import { BridgeError } from '../../../shared/bridge/errors';
import { verifySignIn } from '../session/sign-in';
import { effectiveServerUrl, type WorkstationContext } from './context';

type SessionHandlers = Pick<
  BridgeHandlers,
  'session.get' | 'session.signIn' | 'session.signOut' | 'profiles.list'
>;

export function sessionHandlers(context: WorkstationContext): SessionHandlers {
  const { laptop, sessions, emit, timings, now } = context;

  return {
    'session.get': async () => sessions.current()?.session ?? null,

    'session.signIn': ({ username, password }) =>
      sessions.exclusive(async () => {
        const serverUrl = effectiveServerUrl(context);
        if (!serverUrl) {
          throw new BridgeError('no_server', 'no queue server is configured: set one, or start the demo');
        }
        const result = await verifySignIn({
          serverUrl,
          username,
          password,
          laptop,
          timeoutMs: timings.requestTimeoutMs,
          now,
        });
        return sessions.begin(result);
      }),

    'session.signOut': () =>
      sessions.exclusive(async () => {
        if (await sessions.end({ revoke: false })) emit('session.changed', null);
        return null;
      }),

    'profiles.list': async () => {
      const serverUrl = effectiveServerUrl(context);
      if (!serverUrl) return [];
      return laptop.profilesOf(serverUrl).map((profile) => ({
        username: profile.username,
        displayName: profile.displayName,
        serverUrl: profile.serverUrl,
      }));
    },
  };
}
