import { BridgeError } from '../../../shared/bridge/errors';
import { checkVerifier, createVerifier } from '../auth/verifier';
import { bridgeErrorFromQueue, isQueueUnavailable } from '../bridge-errors';
import type { LaptopStore, Profile } from '../laptop/laptop-store';
import { createQueueClient, QueueError } from '../queue-client';

/** A verified sign-in: the profile, and the new token when the queue itself said yes. */
export type SignInResult = { profile: Profile; token: string | null };

export type SignInRequest = {
  serverUrl: string;
  username: string;
  password: string;
  laptop: LaptopStore;
  timeoutMs: number;
  now: () => Date;
};

/**
 * Asks the queue first: it is authoritative, so its "no" stands even if the local verifier would
 * say yes. Only when the queue cannot be reached (or cannot serve) does the local verifier decide.
 */
export async function verifySignIn(request: SignInRequest): Promise<SignInResult> {
  const { serverUrl, password, laptop, now } = request;
  // The queue stores usernames trimmed and lower-cased; profiles are keyed the same way.
  const username = request.username.trim().toLowerCase();
  const client = createQueueClient({ baseUrl: serverUrl, timeoutMs: request.timeoutMs });
  // Derived while the queue checks the password (both are slow on purpose): half the wait.
  const verifier = createVerifier(password);
  verifier.catch(() => undefined);
  try {
    const { token, user } = await client.call('signIn', { body: { username, password } });
    const profile: Profile = {
      serverUrl,
      username: user.username,
      userId: user.id,
      displayName: user.displayName,
      role: user.role,
      verifier: await verifier,
      lastOnlineSignInAt: now().toISOString(),
    };
    laptop.upsertProfile(profile);
    return { profile, token };
  } catch (error) {
    if (
      error instanceof QueueError &&
      error.failure.kind === 'http' &&
      error.failure.code === 'bad_credentials'
    ) {
      throw new BridgeError(
        'bad_credentials',
        `the queue at ${serverUrl} refused this username and password`,
      );
    }
    if (!isQueueUnavailable(error)) throw bridgeErrorFromQueue(error, 'signing in');
    return verifyOffline(serverUrl, username, password, laptop, error);
  }
}

async function verifyOffline(
  serverUrl: string,
  username: string,
  password: string,
  laptop: LaptopStore,
  cause: unknown,
): Promise<SignInResult> {
  const profile = laptop.findProfile(serverUrl, username);
  const why = cause instanceof Error ? cause.message : String(cause);
  if (!profile) {
    throw new BridgeError(
      'offline_unknown_profile',
      `the queue at ${serverUrl} is out of reach (${why}) and "${username}" has never signed in ` +
        'online on this laptop, so there is nothing to check the password against',
    );
  }
  if (!(await checkVerifier(password, profile.verifier))) {
    throw new BridgeError(
      'bad_credentials',
      `wrong password for "${username}" (checked offline on this laptop)`,
    );
  }
  return { profile, token: null };
}
