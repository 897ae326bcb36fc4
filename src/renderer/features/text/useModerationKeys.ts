import { moderationCommandFor, type ModerationCommand } from '../../editor/text/moderation-keys';
import { focusKindOf } from '../../ui/focus';
import { usePageKeys } from './usePageKeys';

/**
 * The moderation shortcuts on the whole page while the task is shown; read-only screens get only
 * Esc and ?. With a passage selected in the text, digits name span labels.
 */
export function useModerationKeys(
  options: { readOnly: boolean; selecting: boolean; labelHotkeys: readonly string[] },
  onCommand: (command: ModerationCommand) => void,
) {
  usePageKeys((event) => {
    const command = moderationCommandFor({ ...keyOf(event), focus: focusKindOf(event.target) }, options);
    if (!command) return;
    event.preventDefault();
    onCommand(command);
  });
}

/** What the pure key mappings read of a keyboard event. */
export function keyOf(event: KeyboardEvent) {
  const { key, code, ctrlKey, altKey, metaKey, shiftKey, repeat } = event;
  return { key, code, ctrlKey, altKey, metaKey, shiftKey, repeat };
}
