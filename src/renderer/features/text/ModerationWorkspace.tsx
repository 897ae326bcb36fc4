import { useReducer } from 'react';
import { answerOf, draftProblem, reduceDraft, restoreDraft } from '../../editor/moderation-draft';
import type { ModerationCommand } from '../../editor/moderation-keys';
import { isOpenState, positionInRun } from '../../editor/work-run';
import { showInbox, toggleInstructions, useAppStore } from '../../state/app-store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { DecisionForm } from './DecisionForm';
import { InstructionsPanel } from '../task/InstructionsPanel';
import { ReviewPanel } from './ReviewPanel';
import { SaveState } from '../task/SaveState';
import { ShortcutList } from './ShortcutList';
import { TaskNav } from '../task/TaskNav';
import { SubmittedAnswer } from './SubmittedAnswer';
import { useAutosave } from '../task/useAutosave';
import { useSubmit } from '../task/useSubmit';
import type { WorkspaceProps } from '../task/workspaces';
import { useModerationKeys } from './useModerationKeys';

/** One text moderation task, open for a decision or, once closed, shown read-only. */
export function ModerationWorkspace({ detail, task }: WorkspaceProps<'text_moderation'>) {
  const taskId = detail.summary.taskId;
  const readOnly = !isOpenState(detail.summary.state);
  const run = useAppStore((state) => state.run);
  const position = positionInRun(run, taskId);
  const [{ draft }, dispatch] = useReducer(reduceDraft, null, () => ({
    draft: restoreDraft(detail.draft, task.config),
    reasons: task.config.reasons.map((reason) => reason.code),
  }));
  const autosave = useAutosave(taskId, draft, !readOnly);
  const { submit: send, submitting, error: submitError } = useSubmit(taskId, autosave);
  const problem = draftProblem(draft);

  const submit = async () => {
    const answer = answerOf(draft);
    if (answer === null || readOnly) return;
    await send(answer, draft);
  };

  const onCommand = (command: ModerationCommand) => {
    switch (command.type) {
      case 'back':
        return showInbox();
      case 'toggleInstructions':
        return toggleInstructions();
      case 'submit':
        return void submit();
      default:
        if (!submitting) dispatch(command);
    }
  };
  useModerationKeys({ readOnly }, onCommand);

  return (
    <div className="screen task-screen">
      <TaskNav position={position}>{!readOnly && <SaveState status={autosave.status} />}</TaskNav>
      <ScreenHeading>{task.projectName}</ScreenHeading>
      <div className="task-grid">
        <div className="task-main">
          <ReviewPanel data={task.data} />
          <InstructionsPanel instructions={task.instructions} />
        </div>
        <div className="task-side">
          {readOnly ? (
            <SubmittedAnswer summary={detail.summary} config={task.config} stored={detail.answer} />
          ) : (
            <DecisionForm
              config={task.config}
              draft={draft}
              problem={problem}
              submitting={submitting}
              submitError={submitError}
              dispatch={(action) => !submitting && dispatch(action)}
              onSubmit={() => void submit()}
            />
          )}
          <ShortcutList readOnly={readOnly} />
        </div>
      </div>
    </div>
  );
}
