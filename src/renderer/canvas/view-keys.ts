import { imageCommandFor } from '../editor/image/keys';
import type { ViewportController } from './viewport-controller';

/** The viewing keys (arrows, + −, F, 0) on a focused canvas; true when the key was one of them. */
export function handleViewKey(event: KeyboardEvent, controller: ViewportController): boolean {
  const command = imageCommandFor(
    {
      key: event.key,
      code: event.code,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      shiftKey: event.shiftKey,
      repeat: event.repeat,
      focus: 'canvas',
    },
    { readOnly: true, drawing: false },
  );
  switch (command?.type) {
    case 'pan':
      controller.panBy(command.dx, command.dy);
      return true;
    case 'zoomIn':
      controller.zoomIn();
      return true;
    case 'zoomOut':
      controller.zoomOut();
      return true;
    case 'fit':
      controller.fit();
      return true;
    case 'actualSize':
      controller.actualSize();
      return true;
    default:
      return false;
  }
}
