import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { checkAnswer } from '../../../shared/domain/task-kinds';
import type { FieldProblem } from '../../../shared/domain/common';
import { imageSources } from '../../../shared/domain/media';
import { ViewportController } from '../../canvas/viewport-controller';
import { fromDraft } from '../../editor/draft-envelope';
import { EMPTY_IMAGE_DOC, readImageDoc } from '../../editor/image/doc';
import { createImageEditor } from '../../editor/image/image-editor';
import type { ToolName } from '../../editor/image/tools/types';
import { isOpenState, positionInRun } from '../../editor/work-run';
import { showInbox, useAppStore } from '../../state/app-store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { SaveState } from '../task/SaveState';
import { TaskNav } from '../task/TaskNav';
import { useAutosave } from '../task/useAutosave';
import { useSubmit } from '../task/useSubmit';
import type { WorkspaceProps } from '../task/workspaces';
import { ClosedImageTask } from './ClosedImageTask';
import { ImageAnnotator } from './ImageAnnotator';
import { useEditorView } from './useEditorView';
import { usePreviousShapes } from './usePreviousShapes';
import { crossingWarnings } from './warnings';
import './image.css';

/** The tool and label a HITer last used, so the next task of the run starts the same way. */
const carried: { tool: ToolName | null; label: string | null } = { tool: null, label: null };

/** One image task: open for annotation, or once closed, its answer shown read-only. */
export function ImageWorkspace(props: WorkspaceProps<'image'>) {
  return isOpenState(props.detail.summary.state) ? (
    <OpenImageTask {...props} />
  ) : (
    <ClosedImageTask {...props} />
  );
}

function OpenImageTask({ detail, task }: WorkspaceProps<'image'>) {
  const taskId = detail.summary.taskId;
  const image = task.data.image;
  const run = useAppStore((state) => state.run);
  const [editor] = useState(() => {
    const created = createImageEditor({
      config: task.config,
      image: { width: image.width, height: image.height },
      editor: fromDraft(detail.draft, readImageDoc, EMPTY_IMAGE_DOC),
      ...(carried.tool ? { tool: carried.tool } : {}),
    });
    if (carried.label) created.run({ type: 'chooseLabel', code: carried.label });
    return created;
  });
  const [controller] = useState(() => new ViewportController({ width: image.width, height: image.height }));
  const view = useEditorView(editor);
  const draft = useSyncExternalStore(editor.subscribe, editor.getDraft);
  const autosave = useAutosave(taskId, draft, true);
  const { submit, submitting, error: submitError } = useSubmit(taskId, autosave);
  const [tried, setTried] = useState(false);
  const previous = usePreviousShapes(editor, task.config, detail.summary);

  useEffect(
    () => () => {
      const state = editor.getState();
      carried.tool = state.tool.tool;
      carried.label = state.currentLabel;
    },
    [editor],
  );

  // Problems are worked out once the HITer has tried to submit, then kept up to date as she fixes them.
  const problems: FieldProblem[] = useMemo(() => {
    if (!tried) return [];
    const result = checkAnswer('image', task.config, task.data, view.doc);
    return result.ok ? [] : result.problems;
  }, [tried, task.config, task.data, view.doc]);
  const warnings = useMemo(() => crossingWarnings(view.doc), [view.doc]);

  const onSubmit = () => {
    if (submitting) return;
    const result = checkAnswer('image', task.config, task.data, editor.getView().doc);
    setTried(true);
    if (!result.ok) return;
    void submit(result.answer, editor.getDraft());
  };

  return (
    <div className="screen task-screen image-task">
      <TaskNav position={positionInRun(run, taskId)}>
        <SaveState status={autosave.status} />
      </TaskNav>
      <div className="image-task-head">
        <ScreenHeading>{task.projectName}</ScreenHeading>
        {task.data.caption && (
          <p className="image-caption" dir="auto">
            {task.data.caption}
          </p>
        )}
      </div>
      <ImageAnnotator
        editor={editor}
        controller={controller}
        {...imageSources(image)}
        caption={task.data.caption}
        projectId={task.projectId}
        instructions={task.instructions}
        problems={problems}
        warnings={warnings}
        submitting={submitting}
        submitError={submitError}
        onSubmit={onSubmit}
        onBack={() => showInbox()}
        onCopyPrevious={() => void previous.copy()}
        copying={previous.copying}
      />
    </div>
  );
}
