import { useMemo, useRef, useState } from 'react';
import type { FieldProblem } from '../../../shared/domain/common';
import { AnnotationCanvas } from '../../canvas/AnnotationCanvas';
import type { SceneRenderer } from '../../canvas/scene-renderer';
import type { ViewportController } from '../../canvas/viewport-controller';
import { bboxOf, shapeById } from '../../editor/image/doc';
import type { ImageEditor } from '../../editor/image/image-editor';
import type { ImageKeyCommand } from '../../editor/image/keys';
import { labelForDigit, labelHotkeys } from '../../editor/image/label-hotkeys';
import { currentLocale } from '../../i18n';
import { toggleInstructions } from '../../state/app-store';
import { ClassificationPanel } from './ClassificationPanel';
import { ImageInstructions } from './ImageInstructions';
import { LabelPanel } from './LabelPanel';
import { NoticeLine } from './NoticeLine';
import { SelectedShapePanel } from './SelectedShapePanel';
import { ShapeList } from './ShapeList';
import { ShortcutSheet } from './ShortcutSheet';
import { SubmitPanel } from './SubmitPanel';
import { Toolbar } from './Toolbar';
import { useEditorView } from './useEditorView';
import { useFitHeight } from './useFitHeight';
import { useHotkeyOverrides } from './useHotkeyOverrides';
import { useImageKeys } from './useImageKeys';

/** Screen pixels between a duplicate and its original. */
const DUPLICATE_OFFSET = 12;
const HIT_RADIUS = 7;

export type ImageAnnotatorProps = {
  editor: ImageEditor;
  controller: ViewportController;
  src: string;
  preview?: string | null;
  display?: string | null;
  caption?: string | undefined;
  projectId: string;
  instructions: string;
  problems: FieldProblem[];
  warnings: FieldProblem[];
  submitting: boolean;
  submitError: unknown;
  onSubmit: () => void;
  onBack: () => void;
  onCopyPrevious: (() => void) | null;
  copying: boolean;
  onRenderer?: (renderer: SceneRenderer | null) => void;
};

/**
 * The image tool itself, without the task around it: toolbar, canvas, panels and keyboard. The
 * workspace gives it the task's editor and decides what submitting and leaving mean; the
 * benchmark mounts it alone.
 */
export function ImageAnnotator(props: ImageAnnotatorProps) {
  const { editor, controller, projectId } = props;
  const view = useEditorView(editor);
  const body = useRef<HTMLDivElement>(null);
  useFitHeight(body);
  const config = editor.config;
  const locale = currentLocale();
  const [sheetOpen, setSheetOpen] = useState(false);
  const [overrides, setOverrides] = useHotkeyOverrides(projectId);
  const hotkeys = useMemo(() => labelHotkeys(config.labels, overrides), [config.labels, overrides]);
  const sheetLabels = useMemo(
    () =>
      config.labels.flatMap((label) => {
        const digit = hotkeys.get(label.code);
        return digit ? [{ name: label.label[locale], digit }] : [];
      }),
    [config.labels, hotkeys, locale],
  );
  const look = useMemo(
    () => ({
      color: (code: string) => config.labels.find((label) => label.code === code)?.color,
      name: (code: string) => config.labels.find((label) => label.code === code)?.label[locale] ?? code,
    }),
    [config.labels, locale],
  );

  const showShape = (id: string) => {
    const shape = shapeById(editor.getView().doc, id);
    if (!shape) return;
    if (!editor.isVisible(shape) && editor.getView().hiddenShapes.has(id))
      editor.run({ type: 'toggleShapeHidden', id });
    editor.run({ type: 'select', id });
    controller.reveal(bboxOf(shape));
  };

  const onCommand = (command: ImageKeyCommand) => {
    const selected = editor.getView().selectedId;
    switch (command.type) {
      case 'tool':
        return void editor.run({ type: 'setTool', tool: command.tool });
      case 'label': {
        const code = labelForDigit(hotkeys, command.digit);
        return void (code && editor.run({ type: 'chooseLabel', code }));
      }
      case 'place':
        return editor.send({
          type: 'place',
          point: controller.centre(),
          tolerance: controller.imagePixels(HIT_RADIUS),
        });
      case 'complete':
        return editor.send({ type: 'complete' });
      case 'undoPoint':
        return editor.send({ type: 'undoPoint' });
      case 'cancel':
        if (!editor.run({ type: 'cancel' })) props.onBack();
        return;
      case 'delete':
      case 'undo':
      case 'redo':
        return void editor.run({ type: command.type });
      case 'duplicate':
        return void editor.run({ type: 'duplicate', offset: controller.imagePixels(DUPLICATE_OFFSET) });
      case 'selectNext': {
        editor.run(command);
        const next = editor.getView().selectedId;
        if (next) showShape(next);
        return;
      }
      case 'nudge':
      case 'resize':
      case 'selectVertex':
      case 'insertVertex':
        return void editor.run(command);
      case 'toggleHidden':
        return void (selected && editor.run({ type: 'toggleShapeHidden', id: selected }));
      case 'toggleLocked':
        return void (selected && editor.run({ type: 'toggleShapeLocked', id: selected }));
      case 'pan':
        return controller.panBy(command.dx, command.dy);
      case 'zoomIn':
        return controller.zoomIn();
      case 'zoomOut':
        return controller.zoomOut();
      case 'fit':
        return controller.fit();
      case 'actualSize':
        return controller.actualSize();
      case 'shortcuts':
        return setSheetOpen(true);
      case 'instructions':
        return toggleInstructions();
      case 'submit':
        return props.onSubmit();
    }
  };
  useImageKeys(
    {
      readOnly: false,
      drawing: view.drawing,
      enabled: !sheetOpen && !props.submitting,
      selected: view.selectedId !== null,
    },
    onCommand,
  );

  return (
    <div className="image-annotator">
      <Toolbar editor={editor} view={view} controller={controller} onShortcuts={() => setSheetOpen(true)} />
      <div className="annotator-body" ref={body}>
        <div className="annotator-main">
          <AnnotationCanvas
            editor={editor}
            controller={controller}
            src={props.src}
            preview={props.preview ?? null}
            display={props.display ?? null}
            labels={look}
            {...(props.caption ? { caption: props.caption } : {})}
            {...(props.onRenderer ? { onRenderer: props.onRenderer } : {})}
          />
          <NoticeLine view={view} />
        </div>
        <aside className="annotator-side">
          <LabelPanel
            editor={editor}
            view={view}
            hotkeys={hotkeys}
            overrides={overrides}
            onOverrides={setOverrides}
          />
          <ClassificationPanel editor={editor} view={view} />
          <SelectedShapePanel
            editor={editor}
            view={view}
            duplicateOffset={() => controller.imagePixels(DUPLICATE_OFFSET)}
          />
          <ShapeList
            config={config}
            view={view}
            onChoose={showShape}
            onCopyPrevious={props.onCopyPrevious}
            copying={props.copying}
          />
          <SubmitPanel
            config={config}
            doc={view.doc}
            problems={props.problems}
            warnings={props.warnings}
            submitting={props.submitting}
            submitError={props.submitError}
            onSubmit={props.onSubmit}
            onShowShape={(index) => {
              const shape = editor.getView().doc.shapes[index];
              if (shape) showShape(shape.id);
            }}
          />
        </aside>
      </div>
      <ImageInstructions instructions={props.instructions} />
      <ShortcutSheet
        open={sheetOpen}
        onClose={() => setSheetOpen(false)}
        readOnly={false}
        labels={sheetLabels}
      />
    </div>
  );
}
