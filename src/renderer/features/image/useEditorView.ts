import { useSyncExternalStore } from 'react';
import type { ImageEditor, ImageEditorView } from '../../editor/image/image-editor';

/** The editor's view for panels: re-renders on finished changes, never on a drag's frames. */
export function useEditorView(editor: ImageEditor): ImageEditorView {
  return useSyncExternalStore(editor.subscribe, editor.getView);
}
