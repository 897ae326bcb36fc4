import { join } from 'node:path';
import type { BridgeEmitter, Session } from '../../../shared/bridge/contract';
import { BridgeError } from '../../../shared/bridge/errors';
import type { LaptopStore } from '../laptop/laptop-store';
import { MediaFiles } from '../media/media-files';
import { StorageBudget } from '../media/storage-budget';
import { ProfileStore } from '../profile/profile-store';
import { createQueueClient, type QueueClient } from '../queue-client';
import { startupRefusal } from '../startup-refusal';
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
    // Whoever was signed in keeps their token (see `end`): it is what lets their work reach the queue
    // after they sign in again offline, on this shared laptop, with the line down.
    await this.end({ revoke: false });
    const { dataDir, emit, timings, now, random } = this.options;
    let store: ProfileStore;
    try {
      store = ProfileStore.open(dataDir, profile.userId, now);
    } catch (error) {
      // A damaged or unusable profile store is told to the HITer in words, not as "unexpected".
      throw startupRefusal(error) ?? error;
    }
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
    const onAuth = (accepted: boolean) => this.authChanged(active, accepted);
    const engine = new SyncEngine({ store, client, emit, timings, now, random, files, budget, onAuth });
    const session: Session = {
      userId: profile.userId,
      username: profile.username,
      displayName: profile.displayName,
      role: profile.role,
      serverUrl: profile.serverUrl,
      offline: token === null,
      // Signed in offline with no token kept: nothing can be sent before an online sign-in.
      needsSignIn: store.getToken() === null,
    };
    const active: ActiveSession = { session, store, engine, client, files };
    this.active = active;
    engine.start();
    emit('session.changed', session);
    return session;
  }

  /**
   * The queue refused this session's token (401), or took work with it. A refused token is
   * forgotten (it will never work again) and the HITer is told an online sign-in is needed to send
   * what waits; an accepted one ends the "signed in offline" state. Nothing else changes: the
   * outbox, drafts and tasks stay as they are.
   */
  authChanged(active: ActiveSession, accepted: boolean): void {
    if (this.active !== active) return;
    const { session, store } = active;
    if (!accepted) store.setToken(null);
    const next: Session = accepted
      ? { ...session, offline: false, needsSignIn: false }
      : { ...session, needsSignIn: true };
    if (next.offline === session.offline && next.needsSignIn === session.needsSignIn) return;
    active.session = next;
    this.options.emit('session.changed', next);
  }

  /**
   * Ends the session: stops sync, and (when `revoke`) signs out with the queue in the background —
   * only if nothing is pending, because the token is what lets pending work reach the queue later.
   * Sign-out and profile switches do not revoke: a HITer who signs in again offline (the usual case
   * on a shared laptop in a centre whose line drops) needs the token to send that day's work. The
   * token lives only in the profile's own store, which no other profile's session opens.
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
