import { on } from '../api';
import { sessionChanged, useAppStore } from './app-store';
import { setSyncStatus } from './sync-store';
import { refreshTasks } from './tasks-store';
import { setUnseen } from './work-store';

/** Listens to everything main pushes, for as long as the app runs; returns the way to stop. */
export function connectEvents(): () => void {
  const offs = [
    on('session.changed', sessionChanged),
    on('sync.status', setSyncStatus),
    on('tasks.changed', () => {
      if (useAppStore.getState().session !== null) void refreshTasks();
    }),
    on('work.changed', ({ unseen }) => setUnseen(unseen)),
  ];
  return () => offs.forEach((off) => off());
}
