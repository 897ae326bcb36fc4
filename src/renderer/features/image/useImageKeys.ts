import { useEffect, useEffectEvent } from 'react';
import { imageCommandFor, type ImageKeyCommand } from '../../editor/image/keys';
import { focusKindOf } from '../../ui/focus';

/**
 * The image tool's shortcuts on the whole page while the task is shown (`enabled`); keys pressed
 * in a text field, and those a focused widget handled itself, are left alone.
 */
export function useImageKeys(
  options: { readOnly: boolean; drawing: boolean; enabled: boolean; selected?: boolean },
  onCommand: (command: ImageKeyCommand, event: KeyboardEvent) => void,
) {
  const { readOnly, drawing, enabled, selected = false } = options;
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!enabled || event.defaultPrevented || event.isComposing) return;
    const target = event.target;
    const onCanvas =
      target instanceof Element && target.closest('.annotation-canvas, .image-view-canvas') !== null;
    const command = imageCommandFor(
      {
        key: event.key,
        code: event.code,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        repeat: event.repeat,
        focus: onCanvas ? 'canvas' : focusKindOf(target),
      },
      { readOnly, drawing, selected },
    );
    if (!command) return;
    event.preventDefault();
    onCommand(command, event);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
