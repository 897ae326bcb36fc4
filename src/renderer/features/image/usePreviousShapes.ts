import { useState } from 'react';
import type { TaskSummary } from '../../../shared/bridge';
import type { ImageConfig } from '../../../shared/domain/kinds/image';
import { call } from '../../api';
import type { ImageEditor } from '../../editor/image/image-editor';
import { createIdMaker } from '../../editor/image/ids';
import { previousTaskId, shapesOfStored, shapesToCopy } from '../../editor/image/previous';
import { useAppStore } from '../../state/app-store';
import { useTasksStore } from '../../state/tasks-store';

/** "Copy the previous task's shapes": reads that task from this laptop's store, works offline. */
export function usePreviousShapes(editor: ImageEditor, config: ImageConfig, summary: TaskSummary) {
  const run = useAppStore((state) => state.run);
  const tasks = useTasksStore((state) => state.tasks);
  const [copying, setCopying] = useState(false);

  const copy = async () => {
    const previous = previousTaskId(run, tasks ?? [], summary);
    if (!previous) {
      editor.run({ type: 'notice', code: 'noPrevious' });
      return;
    }
    setCopying(true);
    try {
      const detail = await call('tasks.open', { taskId: previous });
      const shapes = shapesOfStored(detail.answer ?? detail.draft);
      editor.run({ type: 'addShapes', shapes: shapesToCopy(shapes, config, editor.image, createIdMaker()) });
    } catch {
      editor.run({ type: 'notice', code: 'copyFailed' });
    } finally {
      setCopying(false);
    }
  };
  return { copy, copying };
}
