import { join } from 'node:path';
import type { BridgeEmitter, Session } from '../../../shared/bridge/contract';
import { BridgeError } from '../../../shared/bridge/errors';
import type { LaptopStore } from '../laptop/laptop-store';
import { MediaFiles } from '../media/media-files';
import { StorageBudget } from '../media/storage-budget';
import { ProfileStore } from '../profile/profile-store';
import { createQueueClient, type QueueClient } from '../queue-client';
import type { SyncTimings } from '../sync/backoff';
import { SyncEngine } from '../sync/sync-engine';
import type { SignInResult } from './sign-in';

/** Everything that exists only while a HITer is signed in. */
export type ActiveSession = {
  session: Session;
  store: ProfileStore;
  engine: SyncEngine;
  /** Sends the profile's bearer token. */
  client: QueueClient;
  /** The profile's media folder: downloads, recordings, and what `/media/<sha256>` serves. */
  files: MediaFiles;
};

export type SessionManagerOptions = {
  dataDir: string;
  laptop: LaptopStore;
  emit: BridgeEmitter;
  timings: SyncTimings;
  now: () => Date;
  random: () => number;
};

/**
 * Holds the one signed-in profile. Sign-in, sign-out and anything that must not see the session
 * change under it run one at a time, so a store is never closed while something writes to it.
 */
export class SessionManager {
  private active: ActiveSession | null = null;
  private lock: Promise<unknown> = Promise.resolve();
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly options: SessionManagerOptions) {}

  current(): ActiveSession | null {
    return this.active;
  }

  require(): ActiveSession {
    if (!this.active) throw new BridgeError('not_signed_in', 'nobody is signed in on this workstation');
    return this.active;
  }

  /** Runs `fn` with no sign-in or sign-out interleaved. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.lock.then(fn, fn);
    this.lock = result.catch(() => undefined);
    return result;
  }

  /** Makes a verified sign-in the current session, signing out whoever was signed in before. */
  async begin(result: SignInResult): Promise<Session> {
    const { profile, token } = result;
    const previous = this.active;
    // The same HITer signing in again keeps their token (it may be all that can push their work).
    await this.end({ revoke: previous !== null && previous.session.userId !== profile.userId });
    const { dataDir, emit, timings, now, random } = this.options;
    const store = ProfileStore.open(dataDir, profile.userId, now);
    try {
      if (token !== null) store.setToken(token);
    } catch (error) {
      store.close();
      throw error;
    }
    let files: MediaFiles;
    try {
      files = new MediaFiles(join(store.dir, 'media'));
      await files.removeStrayTemps();
    } catch (error) {
      store.close();
      throw error;
    }
    const client = createQueueClient({
      baseUrl: profile.serverUrl,
      timeoutMs: timings.requestTimeoutMs,
      token: () => store.getToken(),
    });
    const budget = new StorageBudget(files.root, () => store.media.usedBytes());
    const engine = new SyncEngine({ store, client, emit, timings, now, random, files, budget });
    const session: Session = {
      userId: profile.userId,
      username: profile.username,
      displayName: profile.displayName,
      role: profile.role,
      serverUrl: profile.serverUrl,
      offline: token === null,
    };
    this.active = { session, store, engine, client, files };
    engine.start();
    emit('session.changed', session);
    return session;
  }

  /**
   * Ends the session: stops sync, and (when `revoke`) signs out with the queue in the background —
   * only if nothing is pending, because the token is what lets pending work reach the queue later.
   */
  async end({ revoke }: { revoke: boolean }): Promise<boolean> {
    const active = this.active;
    if (!active) return false;
    this.active = null;
    await active.engine.stop();
    try {
      const token = active.store.getToken();
      if (revoke && token !== null && active.store.pendingCount() === 0) {
        active.store.setToken(null);
        this.track(active.client.call('signOut', {}, { token }));
      }
    } finally {
      active.store.close();
    }
    return true;
  }

  /** Closes the session without telling the queue (the app is quitting), then waits for stragglers. */
  async close(): Promise<void> {
    await this.exclusive(() => this.end({ revoke: false }));
    await Promise.allSettled([...this.background]);
  }

  private track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.background.add(settled);
    void settled.then(() => this.background.delete(settled));
  }
}
