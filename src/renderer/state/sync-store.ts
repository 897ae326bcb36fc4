import { create } from 'zustand';
import type { SyncStatus } from '../../shared/bridge';
import { call } from '../api';

type SyncState = {
  /** null until main first tells us. */
  status: SyncStatus | null;
  /** A "Sync now" request is on its way. */
  requested: boolean;
};

export const useSyncStore = create<SyncState>(() => ({ status: null, requested: false }));

export function setSyncStatus(status: SyncStatus): void {
  useSyncStore.setState({ status });
}

export async function loadSyncStatus(): Promise<void> {
  try {
    setSyncStatus(await call('sync.status'));
  } catch {
    // The indicator keeps its last state; the next sync.status event brings the news.
  }
}

export async function syncNow(): Promise<void> {
  useSyncStore.setState({ requested: true });
  try {
    setSyncStatus(await call('sync.now'));
  } catch {
    // Failures of the sync itself arrive as lastError in the status; a failed call changes nothing.
  } finally {
    useSyncStore.setState({ requested: false });
  }
}

export function forgetSyncStatus(): void {
  useSyncStore.setState({ status: null, requested: false });
}
