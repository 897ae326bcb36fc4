import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shape } from '../editor/image/doc';
import { attachCanvasInput } from './canvas-input';
import { staticSceneOf } from './static-scene';
import { SceneStage } from './SceneStage';
import { useCanvasScene } from './use-canvas-scene';
import { handleViewKey } from './view-keys';
import { ZoomControls } from './ZoomControls';
import './canvas.css';

/** A shape shown over the image, with its colour; dashed for a second answer in a comparison. */
export type ViewShape = { shape: Shape; color: string; dashed?: boolean; fill?: boolean };

export type ImageViewProps = {
  /** Where the image is, e.g. `mediaPath(ref.sha256)`. */
  src: string;
  /** Its small preview (`mediaPath(ref.thumbnail.sha256)`), shown while the image decodes. */
  preview?: string | null;
  /** Its screen-sized rendition (`mediaPath(ref.display.sha256)`), sharp at a fitted view. */
  display?: string | null;
  /** The image's size in pixels (shapes are in these coordinates). */
  width: number;
  height: number;
  /** What the image is, for screen readers ("Scanned receipt"). */
  label: string;
  shapes?: readonly ViewShape[];
  /** Zoom buttons over the image; on by default. */
  controls?: boolean;
  className?: string;
};

const NO_SHAPES: readonly ViewShape[] = [];

/**
 * A read-only image viewer: wheel or pinch to zoom around the cursor, drag to pan, and once
 * focused, arrows, + −, F (fit) and 0 (full size). Large images are decoded off the main thread
 * and tiled; shapes, if given, are drawn over it. Used by forms, answers and comparisons.
 */
export function ImageView({
  src,
  preview = null,
  display = null,
  width,
  height,
  label,
  shapes = NO_SHAPES,
  controls = true,
  className,
}: ImageViewProps) {
  const { t } = useTranslation('image');
  const hintId = useId();
  const image = useMemo(() => ({ width, height }), [width, height]);
  const { containerRef, size, controller, renderer, status, setNodes } = useCanvasScene({
    src,
    preview,
    display,
    image,
  });

  const scene = useMemo(
    () =>
      staticSceneOf(
        shapes.map((entry) => entry.shape),
        (_, index) => {
          const entry = shapes[index]!;
          return {
            color: entry.color,
            dashed: entry.dashed ?? false,
            fill: entry.fill ?? entry.shape.type === 'polygon',
          };
        },
      ),
    [shapes],
  );

  useEffect(() => {
    renderer?.setStaticScene(scene);
  }, [renderer, scene]);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const detach = attachCanvasInput(element, { controller });
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (handleViewKey(event, controller)) event.preventDefault();
    };
    element.addEventListener('keydown', onKey);
    return () => {
      detach();
      element.removeEventListener('keydown', onKey);
    };
  }, [containerRef, controller]);

  return (
    <div className={`image-view ${className ?? ''}`}>
      <div
        ref={containerRef}
        className="image-view-canvas"
        tabIndex={0}
        role="group"
        aria-roledescription={t('view.roleDescription')}
        aria-label={label}
        aria-describedby={hintId}
      >
        {size.width > 0 && size.height > 0 && (
          <SceneStage width={size.width} height={size.height} interactive={false} onNodes={setNodes} />
        )}
      </div>
      <p id={hintId} className="visually-hidden">
        {t('view.keysHint')}
      </p>
      {status !== 'ready' && (
        <p className={`image-status image-status-${status}`} role="status">
          {status === 'loading' ? t('view.loading') : t('view.failed')}
        </p>
      )}
      {controls && <ZoomControls controller={controller} />}
    </div>
  );
}
