import { useEffect, useEffectEvent } from 'react';
import { moderationCommandFor, type ModerationCommand } from '../../editor/moderation-keys';
import { focusKindOf } from '../../ui/focus';

/**
 * Listens for the moderation shortcuts on the whole page while the task is shown (`enabled`);
 * read-only screens get only Esc and ?.
 */
export function useModerationKeys(
  options: { readOnly: boolean; enabled?: boolean },
  onCommand: (command: ModerationCommand) => void,
) {
  const { readOnly, enabled = true } = options;
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!enabled || event.defaultPrevented || event.isComposing) return;
    const command = moderationCommandFor(
      {
        key: event.key,
        code: event.code,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        repeat: event.repeat,
        focus: focusKindOf(event.target),
      },
      { readOnly },
    );
    if (!command) return;
    event.preventDefault();
    onCommand(command);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
