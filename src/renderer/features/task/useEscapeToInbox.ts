import { useEffect } from 'react';

/** Esc leaves the task screen while nothing else (a workspace, a dialog) handles keys. */
export function useEscapeToInbox(enabled: boolean, leave: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, leave]);
}
