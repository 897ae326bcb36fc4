import type Konva from 'konva';
import { useEffect, useEffectEvent, useRef } from 'react';
import { Image as KonvaImage, Layer, Shape, Stage } from 'react-konva';
import './konva-setup';
import type { SceneNodes } from './scene-renderer';

/**
 * The Konva stage: an image layer and a static shapes layer with hit-testing off (each showing a
 * raster), and for editing an interactive layer. React lays it out once; every frame after that
 * is drawn imperatively by the SceneRenderer. Pointer events are read on the container and
 * hit-tested by the editor's own geometry, so Konva's hit canvases are never drawn.
 */
export function SceneStage({
  width,
  height,
  interactive,
  onNodes,
}: {
  width: number;
  height: number;
  interactive: boolean;
  onNodes: (nodes: SceneNodes | null) => void;
}) {
  const imageLayer = useRef<Konva.Layer>(null);
  const imageNode = useRef<Konva.Image>(null);
  const shapesLayer = useRef<Konva.Layer>(null);
  const shapesNode = useRef<Konva.Image>(null);
  const overlayLayer = useRef<Konva.Layer>(null);
  const overlayNode = useRef<Konva.Shape>(null);
  const report = useEffectEvent(onNodes);

  useEffect(() => {
    if (!imageLayer.current || !imageNode.current || !shapesLayer.current || !shapesNode.current) return;
    report({
      imageLayer: imageLayer.current,
      imageNode: imageNode.current,
      shapesLayer: shapesLayer.current,
      shapesNode: shapesNode.current,
      overlayLayer: overlayLayer.current,
      overlayNode: overlayNode.current,
    });
    return () => report(null);
  }, []);

  return (
    <Stage width={width} height={height} listening={false}>
      <Layer ref={imageLayer} listening={false}>
        <KonvaImage ref={imageNode} image={undefined} listening={false} perfectDrawEnabled={false} />
      </Layer>
      <Layer ref={shapesLayer} listening={false}>
        <KonvaImage ref={shapesNode} image={undefined} listening={false} perfectDrawEnabled={false} />
      </Layer>
      {interactive && (
        <Layer ref={overlayLayer} listening={false}>
          <Shape ref={overlayNode} listening={false} perfectDrawEnabled={false} />
        </Layer>
      )}
    </Stage>
  );
}
