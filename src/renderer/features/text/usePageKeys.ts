import { useEffect, useEffectEvent } from 'react';

/**
 * Listens to every key pressed on the page while the screen is shown, so shortcuts work without
 * clicking first. The handler always sees the latest props and state; keys a control already
 * handled (defaultPrevented) and keys composing a character (an IME) are left alone.
 */
export function usePageKeys(onKey: (event: KeyboardEvent) => void): void {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (!event.defaultPrevented && !event.isComposing) onKey(event);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
