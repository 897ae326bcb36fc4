import { useEffect, useRef, useState } from 'react';
import { call } from '../../api';
import { createAutosaver, type SaveStatus } from '../../editor/autosaver';
import { saveBeforeSignOut } from '../../state/app-store';

/**
 * Saves every change of a task's draft within 500 ms, and whatever is left when the task closes,
 * the HITer signs out or the window goes away. The draft the task opened with is not saved again.
 * Any kind's draft (ideally a `DraftEnvelope`: document + undo history) goes through here.
 */
export function useAutosave<T>(taskId: string, draft: T, enabled: boolean) {
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [saver] = useState(() =>
    createAutosaver<T>({
      save: async (value) => {
        await call('tasks.saveDraft', { taskId, draft: value });
      },
      onStatus: (next) => setStatus(next),
    }),
  );
  const opened = useRef(draft);

  useEffect(() => {
    if (enabled && draft !== opened.current) saver.schedule(draft);
  }, [draft, enabled, saver]);

  useEffect(() => {
    const flush = () => void saver.flush();
    window.addEventListener('pagehide', flush);
    const forget = saveBeforeSignOut(() => saver.flush());
    return () => {
      window.removeEventListener('pagehide', flush);
      forget();
      flush();
    };
  }, [saver]);

  /**
   * `keep` saves a draft again, e.g. after a submission that failed had cancelled it; `flush` saves
   * what is waiting now (before another view of the same task reads it back).
   */
  return { status, cancel: saver.cancel, keep: saver.schedule, flush: saver.flush };
}
