import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shapeById } from '../editor/image/doc';
import type { Size } from '../editor/image/geometry';
import type { ImageEditor, ImageEditorState } from '../editor/image/image-editor';
import { toImage } from '../editor/image/viewport';
import { attachCanvasInput, type ToolPointer } from './canvas-input';
import { UNKNOWN_LABEL_COLOR } from './colors';
import type { OverlayScene } from './draw-overlay';
import { POLYGON_FILL } from './draw-shapes';
import { staticChanged, staticSceneOf } from './static-scene';
import { cursorFor } from './cursor';
import { SceneStage } from './SceneStage';
import type { SceneRenderer, StaticScene } from './scene-renderer';
import { useCanvasScene, type ImageStatus } from './use-canvas-scene';
import type { ViewportController } from './viewport-controller';
import './canvas.css';

export type LabelLook = { color: (code: string) => string | undefined; name: (code: string) => string };

/** Hit radius in screen pixels: a mouse is precise, a finger is not. */
const HIT_RADIUS = 7;
const TOUCH_HIT_RADIUS = 16;

/**
 * The editing canvas. It turns pointer input into tool events in image coordinates and draws the
 * editor's state: non-selected shapes on the static layer (redrawn only when one of them, the
 * selection or the visibility changes — never during a drag), the edited shape and what is being
 * drawn on the interactive layer, every frame. React renders this component once per task.
 */
export function AnnotationCanvas({
  editor,
  controller,
  src,
  preview,
  display,
  labels,
  caption,
  onStatus,
  onRenderer,
}: {
  editor: ImageEditor;
  controller: ViewportController;
  src: string;
  /** The queue's small preview of the image, shown while the image itself decodes. */
  preview?: string | null | undefined;
  /** The queue's screen-sized rendition, drawn sharp at a fitted view while the image decodes. */
  display?: string | null | undefined;
  labels: LabelLook;
  caption?: string;
  onStatus?: (status: ImageStatus) => void;
  /** For the benchmark: the renderer, to read its frame reports. */
  onRenderer?: (renderer: SceneRenderer | null) => void;
}) {
  const { t } = useTranslation('image');
  const hintId = useId();
  const image: Size = editor.image;
  const look = useRef(labels);
  useEffect(() => {
    look.current = labels;
  });
  const input = useRef({ inside: false, keyboard: false, space: false, panning: false });

  const onReady = useMemo(
    () => (renderer: SceneRenderer) => bindEditor(editor, controller, renderer, look, input),
    [editor, controller],
  );
  const { containerRef, size, status, renderer, setNodes } = useCanvasScene({
    src,
    preview: preview ?? null,
    display: display ?? null,
    image,
    controller,
    onReady,
  });

  useEffect(() => onStatus?.(status), [status, onStatus]);
  useEffect(() => {
    onRenderer?.(renderer);
  }, [renderer, onRenderer]);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const state = input.current;
    const refresh = () => {
      setCursor(element, cursorFor(editor.getState(), state));
      renderer?.invalidateOverlay();
    };
    const onTool = (pointer: ToolPointer) => {
      const point = toImage(controller.viewport, pointer.at);
      const tolerance = controller.imagePixels(pointer.coarse ? TOUCH_HIT_RADIUS : HIT_RADIUS);
      if (pointer.type === 'pointerDown') element.focus({ preventScroll: true });
      editor.send({
        type: pointer.type,
        point,
        tolerance,
        altKey: pointer.altKey,
        shiftKey: pointer.shiftKey,
      });
    };
    const detach = attachCanvasInput(element, {
      controller,
      spaceHeld: () => state.space,
      onTool,
      onToolInterrupted: () => editor.run({ type: 'cancel' }),
      onPanning: (panning) => {
        state.panning = panning;
        refresh();
      },
    });
    const enter = () => {
      state.inside = true;
      refresh();
    };
    const leave = () => {
      state.inside = false;
      refresh();
    };
    const pointerUsed = () => {
      if (!state.keyboard) return;
      state.keyboard = false;
      refresh();
    };
    const keyUsed = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
      if (event.key === ' ' && !typing && !(event.target instanceof HTMLButtonElement)) {
        if (!event.repeat) {
          state.space = event.type === 'keydown';
          refresh();
        }
        if (event.type === 'keydown') event.preventDefault();
        return;
      }
      if (event.type === 'keydown' && !state.keyboard && !event.ctrlKey && !event.metaKey) {
        state.keyboard = true;
        refresh();
      }
    };
    element.addEventListener('pointerenter', enter);
    element.addEventListener('pointerleave', leave);
    window.addEventListener('pointerdown', pointerUsed, true);
    document.addEventListener('keydown', keyUsed);
    document.addEventListener('keyup', keyUsed);
    const unsubscribe = editor.subscribeFrame(() => setCursor(element, cursorFor(editor.getState(), state)));
    return () => {
      detach();
      unsubscribe();
      element.removeEventListener('pointerenter', enter);
      element.removeEventListener('pointerleave', leave);
      window.removeEventListener('pointerdown', pointerUsed, true);
      document.removeEventListener('keydown', keyUsed);
      document.removeEventListener('keyup', keyUsed);
    };
  }, [containerRef, controller, editor, renderer]);

  return (
    <div className="annotation-canvas-wrap">
      <div
        ref={containerRef}
        className="annotation-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription={t('canvas.roleDescription')}
        aria-label={caption ? `${t('canvas.label')}: ${caption}` : t('canvas.label')}
        aria-describedby={hintId}
      >
        {size.width > 0 && size.height > 0 && (
          <SceneStage width={size.width} height={size.height} interactive onNodes={setNodes} />
        )}
      </div>
      <p id={hintId} className="visually-hidden">
        {t('canvas.keysHint')}
      </p>
      {status !== 'ready' && (
        <p className={`image-status image-status-${status}`} role="status">
          {status === 'loading' ? t('view.loading') : t('view.failed')}
        </p>
      )}
    </div>
  );
}

/** Writes the cursor only when it changes: each write makes the page work its styles out again. */
function setCursor(element: HTMLElement, cursor: string): void {
  if (element.style.cursor !== cursor) element.style.cursor = cursor;
}

type InputState = { inside: boolean; keyboard: boolean; space: boolean; panning: boolean };

/**
 * Feeds the renderer from the editor on every change: the static scene when it really changed,
 * the overlay always (drawn at the next frame from the state as it is then).
 */
function bindEditor(
  editor: ImageEditor,
  controller: ViewportController,
  renderer: SceneRenderer,
  look: { current: LabelLook },
  input: { current: InputState },
): () => void {
  const colorOf = (code: string) => look.current.color(code) ?? UNKNOWN_LABEL_COLOR;
  let last: ImageEditorState | null = null;

  const sync = () => {
    const state = editor.getState();
    if (!last || staticChanged(last, state)) renderer.setStaticScene(staticScene(editor, state, colorOf));
    last = state;
    renderer.invalidateOverlay();
  };

  renderer.setOverlay(() =>
    overlayScene(editor, controller, look.current, input.current, renderer.shownExcluded),
  );
  sync();
  const unsubscribeEditor = editor.subscribeFrame(sync);
  const unsubscribeView = controller.subscribe(() => {
    // Drawing with the keyboard: what is being drawn follows the centre mark.
    const tool = editor.getState().tool;
    if (input.current.keyboard && (tool.mode === 'drawingBox' || tool.mode === 'drawingPolygon'))
      editor.send({ type: 'aim', point: controller.centre() });
  });
  return () => {
    unsubscribeEditor();
    unsubscribeView();
    renderer.setOverlay(null);
  };
}

function staticScene(
  editor: ImageEditor,
  state: ImageEditorState,
  colorOf: (code: string) => string,
): StaticScene {
  const { selectedId, lockedShapes, lockedLabels } = state;
  const visible = editor.isVisible;
  return staticSceneOf(
    state.editor.doc.shapes,
    (shape) =>
      shape.id === selectedId || !visible(shape)
        ? null
        : {
            color: colorOf(shape.label),
            dashed: lockedShapes.has(shape.id) || lockedLabels.has(shape.label),
            fill: shape.type === 'polygon',
          },
    selectedId,
  );
}

function overlayScene(
  editor: ImageEditor,
  controller: ViewportController,
  look: LabelLook,
  input: InputState,
  shownExcluded: string | null,
): OverlayScene {
  const state = editor.getState();
  const doc = state.editor.doc;
  const colorOf = (code: string) => look.color(code) ?? UNKNOWN_LABEL_COLOR;
  const selectedShape = shapeById(doc, state.selectedId);
  const hoverShape =
    state.hover?.shapeId && state.hover.shapeId !== state.selectedId && input.inside && !input.panning
      ? shapeById(doc, state.hover.shapeId)
      : undefined;
  // The shapes raster shown may still leave out the shape selected a moment ago: draw it here
  // until the painter's next raster has it.
  const lagging = shownExcluded !== state.selectedId ? shapeById(doc, shownExcluded) : undefined;
  const tool = state.tool;
  const drawColor = colorOf(state.currentLabel ?? '');
  const drawingTool = tool.tool !== 'select';
  return {
    viewport: controller.viewport,
    view: controller.view,
    behind:
      lagging && editor.isVisible(lagging)
        ? [
            {
              shape: lagging,
              style: {
                color: colorOf(lagging.label),
                dashed: !editor.canEdit(lagging),
                fill: lagging.type === 'polygon' ? POLYGON_FILL : 0,
              },
            },
          ]
        : [],
    selected: selectedShape
      ? {
          shape: selectedShape,
          color: colorOf(selectedShape.label),
          name: look.name(selectedShape.label),
          vertex: state.selectedVertex,
          editable: editor.canEdit(selectedShape),
        }
      : null,
    hover: hoverShape
      ? { shape: hoverShape, color: colorOf(hoverShape.label), name: look.name(hoverShape.label) }
      : null,
    hoverHandle: input.inside ? (state.hover?.handle ?? null) : null,
    draft:
      tool.mode === 'drawingBox'
        ? { kind: 'box', anchor: tool.anchor, current: tool.current, color: drawColor }
        : tool.mode === 'drawingPolygon'
          ? {
              kind: 'polygon',
              points: tool.points,
              cursor: tool.cursor,
              color: drawColor,
              closeTolerance: controller.imagePixels(HIT_RADIUS),
            }
          : null,
    guides: drawingTool && input.inside && !input.panning && !input.keyboard ? state.pointer : null,
    centreMark: input.keyboard && drawingTool,
  };
}
