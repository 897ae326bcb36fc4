import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ImageAnswer } from '../../../../shared/domain/kinds/image';
import type { SceneRenderer } from '../../../canvas/scene-renderer';
import { ViewportController } from '../../../canvas/viewport-controller';
import { fromDraft } from '../../../editor/draft-envelope';
import { EMPTY_IMAGE_DOC, readImageDoc } from '../../../editor/image/doc';
import { createImageEditor, type ImageEditor } from '../../../editor/image/image-editor';
import { initI18n } from '../../../i18n';
import { ImageAnnotator } from '../ImageAnnotator';
import { ImageCompareView } from '../ImageCompareView';
import { useEditorView } from '../useEditorView';
import { crossingWarnings } from '../warnings';
import { createBenchDriver, type BenchDriver } from './bench-driver';
import { afterPaint, imageBenchDetail, imageBenchLine, type ImageBenchRaw } from './bench-measure';
import { syntheticConfig, syntheticDoc } from '../../../editor/image/synthetic';
import '../../../styles.css';
import '../image.css';

/**
 * The benchmark's page (bench/image.ts drives it in Chromium): the real image tool — canvas,
 * panels and editor — with a generated image and synthetic shapes, and no workstation behind it.
 * Also shows the comparison view, for screenshots.
 */
export type BenchOptions = {
  src: string;
  preview: string | null;
  display: string | null;
  width: number;
  height: number;
  boxes: number;
  polygons: number;
  vertices: number;
  locale: 'en' | 'fr';
  mode: 'annotate' | 'compare';
};

export type BenchHandle = BenchDriver & {
  /**
   * Milliseconds from the start of opening the task to the first painted frame showing every
   * shape over the image, maybe still its preview.
   */
  firstPreview: Promise<number>;
  /** The same, with the image at full resolution: the benchmark's first render. */
  fullRender: Promise<number>;
  /**
   * Once the full image is decoded and cut into its levels (after the first render, which the
   * display rendition gives): pan and zoom are measured from then on, the tool at rest.
   */
  imageComplete: Promise<void>;
  lines(raw: ImageBenchRaw): [ReturnType<typeof imageBenchDetail>, ReturnType<typeof imageBenchLine>];
};

export function mountImageBench(root: HTMLElement, options: BenchOptions): BenchHandle {
  initI18n(options.locale);
  const config = syntheticConfig();
  const image = { width: options.width, height: options.height };
  // What the workstation would hand over: the stored draft, as JSON.
  const stored = JSON.stringify({
    v: 1,
    doc: syntheticDoc(image, options),
    history: { undo: [], redo: [] },
  });
  const controller = new ViewportController(image);
  let editor: ImageEditor | null = null;
  let renderer: SceneRenderer | null = null;
  let resolveFirst: (ms: number) => void = () => undefined;
  let resolveFull: (ms: number) => void = () => undefined;
  let resolveComplete: () => void = () => undefined;
  const imageComplete = new Promise<void>((resolve) => (resolveComplete = resolve));
  const firstPreview = new Promise<number>((resolve) => (resolveFirst = resolve));
  const fullRender = new Promise<number>((resolve) => (resolveFull = resolve));
  const started = performance.now();

  // Each resolves once a frame showing it has been painted (onDrawn runs inside the frame).
  const watch = (next: SceneRenderer | null) => {
    renderer = next;
    if (!next) return;
    next.onDrawn = () => {
      if (next.imageShown === 'none' || next.shapesBehind) return;
      void afterPaint().then(() => resolveFirst(performance.now() - started));
      if (next.imageShown === 'full') void afterPaint().then(() => resolveFull(performance.now() - started));
      if (next.imageComplete) {
        next.onDrawn = null;
        void afterPaint().then(resolveComplete);
      }
    };
  };

  function Bench() {
    const [created] = useState(() =>
      createImageEditor({
        config,
        image,
        editor: fromDraft(JSON.parse(stored), readImageDoc, EMPTY_IMAGE_DOC),
        tool: 'select',
      }),
    );
    editor = created;
    // As the workspace does: warnings are worked out again after every change.
    const view = useEditorView(created);
    const warnings = useMemo(() => crossingWarnings(view.doc), [view.doc]);
    if (options.mode === 'compare') {
      const mine = created.getView().doc;
      const other: ImageAnswer = {
        classes: [],
        shapes: mine.shapes.map((shape) =>
          shape.type === 'box' ? { ...shape, x: shape.x + 6, width: shape.width * 0.95 } : shape,
        ),
      };
      return (
        <main className="bench-compare">
          <ImageCompareView
            config={config}
            image={{ sha256: options.src.split('/').pop() ?? '', mime: 'image/jpeg', bytes: 1, ...image }}
            a={{ name: 'Your answer', answer: { ...mine, shapes: mine.shapes.slice(0, 6) } }}
            b={{ name: 'Gold', answer: { ...other, shapes: other.shapes.slice(1, 7) } }}
            label="Comparison"
          />
        </main>
      );
    }
    return (
      <main className="screen task-screen image-task">
        <h1 className="screen-heading">Benchmark project</h1>
        <ImageAnnotator
          editor={created}
          controller={controller}
          src={options.src}
          preview={options.preview}
          display={options.display}
          caption="Generated street scene"
          projectId="bench"
          instructions={'Draw a box around every **car**.\n\n- Tight boxes\n- Occluded cars too'}
          problems={[]}
          warnings={warnings}
          submitting={false}
          submitError={null}
          onSubmit={() => undefined}
          onBack={() => undefined}
          onCopyPrevious={null}
          copying={false}
          onRenderer={watch}
        />
      </main>
    );
  }

  createRoot(root).render(
    <StrictMode>
      <Bench />
    </StrictMode>,
  );
  const driver = createBenchDriver({
    editor: () => {
      if (!editor) throw new Error('not mounted yet');
      return editor;
    },
    controller,
    renderer: () => renderer,
  });
  return {
    ...driver,
    firstPreview,
    fullRender,
    imageComplete,
    lines: (raw) => [imageBenchDetail(raw), imageBenchLine(raw)],
  };
}
