import { useEffect, useEffectEvent } from 'react';

/**
 * Listens for a screen's shortcuts on the whole page while it is shown. `commandFor` maps a key
 * press to a command (a pure function from the editor folder); `run` performs it and may return
 * false when it did nothing, so the key keeps its usual meaning (Tab on the last transcript).
 */
export function useKeyCommands<C>(
  commandFor: (event: KeyboardEvent) => C | null,
  run: (command: C, event: KeyboardEvent) => boolean | void,
): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const command = commandFor(event);
    if (command === null) return;
    if (run(command, event) !== false) event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
