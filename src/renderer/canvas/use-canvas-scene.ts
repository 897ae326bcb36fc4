import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Size } from '../editor/image/geometry';
import { loadImagePyramid, type ImagePyramid } from './image-pyramid';
import { warmRasterWorker } from './raster-client';
import { SceneRenderer, type SceneNodes } from './scene-renderer';
import { ViewportController } from './viewport-controller';

export type ImageStatus = 'loading' | 'ready' | 'failed';

/**
 * What both canvases share: the container's size, the viewport controller, the renderer bound to
 * the Konva nodes, and the image decoded off the main thread. The renderer is handed to `onReady`
 * once it exists (the editing canvas feeds it shapes and its overlay from there).
 */
export function useCanvasScene(options: {
  src: string;
  /** A small preview (the queue's thumbnail) to show while the image itself decodes. */
  preview?: string | null;
  /** A screen-sized rendition (the queue's), sharp at a fitted view, decoded in a moment. */
  display?: string | null;
  image: Size;
  controller?: ViewportController;
  onReady?: (renderer: SceneRenderer) => (() => void) | void;
}) {
  const { src, image } = options;
  const containerRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const [ownController] = useState(() => {
    // The painter's worker starts while the tool renders, ready by the time the canvas is.
    warmRasterWorker();
    return options.controller ?? new ViewportController(image);
  });
  const controller = options.controller ?? ownController;
  const [nodes, setNodes] = useState<SceneNodes | null>(null);
  const [renderer, setRenderer] = useState<SceneRenderer | null>(null);
  const rendererRef = useRef<SceneRenderer | null>(null);
  const [status, setStatus] = useState<ImageStatus>('loading');
  const [pyramid, setPyramid] = useState<ImagePyramid | null>(null);
  const onReady = useRef(options.onReady);
  useEffect(() => {
    onReady.current = options.onReady;
  });

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.floor(entry.contentRect.width);
      const height = Math.floor(entry.contentRect.height);
      setSize((before) => (before.width === width && before.height === height ? before : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { width: imageWidth, height: imageHeight } = image;
  const preview = options.preview ?? null;
  const display = options.display ?? null;
  // A layout effect: the fetch and decode (off the main thread) start before the first paint
  // of the tool rather than after it.
  useLayoutEffect(() => {
    const abort = new AbortController();
    setStatus('loading');
    const load = loadImagePyramid(
      src,
      { width: imageWidth, height: imageHeight },
      {
        preview,
        display,
        signal: abort.signal,
        onUpdate: (next) => {
          setPyramid(next);
          setStatus('ready');
        },
      },
    );
    load.done.catch(() => {
      if (!abort.signal.aborted) setStatus((before) => (before === 'ready' ? before : 'failed'));
    });
    return () => {
      abort.abort();
      // The renderer lets go of the bitmaps before they are freed.
      rendererRef.current?.setPyramid(null);
      load.close();
      setPyramid(null);
    };
  }, [src, preview, display, imageWidth, imageHeight]);

  useEffect(() => {
    if (!nodes) return;
    const next = new SceneRenderer(nodes, { width: imageWidth, height: imageHeight });
    rendererRef.current = next;
    const unsubscribe = controller.subscribe((viewport) => next.setViewport(viewport));
    next.setViewport(controller.viewport);
    setRenderer(next);
    const detach = onReady.current?.(next);
    return () => {
      detach?.();
      unsubscribe();
      next.destroy();
      rendererRef.current = null;
      setRenderer(null);
    };
  }, [nodes, controller, imageWidth, imageHeight]);

  useEffect(() => {
    if (!renderer) return;
    controller.setView(size);
    renderer.setView(size);
    renderer.setViewport(controller.viewport);
  }, [renderer, controller, size]);

  useEffect(() => {
    renderer?.setPyramid(pyramid);
  }, [renderer, pyramid]);

  return { containerRef, size, controller, renderer, status, setNodes };
}
