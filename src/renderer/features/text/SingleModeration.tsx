import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpanLabel } from '../../../shared/domain/kinds/text-moderation';
import { redactSpans } from '../../../shared/domain/text-spans';
import { canRedo, canUndo } from '../../editor/history';
import {
  answerOf,
  applyAction,
  draftProblem,
  moderationContext,
  readAnswer,
  restoreEditor,
  type DraftAction,
} from '../../editor/text/moderation-draft';
import type { ModerationCommand } from '../../editor/text/moderation-keys';
import {
  CARET_AT_START,
  cleanRange,
  isCollapsed,
  selectionRange,
  type TextSelection,
} from '../../editor/text/selection';
import { spanAtCaret } from '../../editor/text/spans';
import { sliceText } from '../../editor/text/text-model';
import { isOpenState, positionInRun } from '../../editor/work-run';
import { currentLocale } from '../../i18n';
import { showInbox, toggleInstructions, useAppStore } from '../../state/app-store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { SaveState } from '../task/SaveState';
import { TaskNav } from '../task/TaskNav';
import { useAutosave } from '../task/useAutosave';
import { useSubmit } from '../task/useSubmit';
import type { WorkspaceProps } from '../task/workspaces';
import { DecisionForm } from './DecisionForm';
import { Guidelines } from './Guidelines';
import { HistoryButtons, ModeButton } from './NavButtons';
import { RedactedPreview } from './RedactedPreview';
import { ReviewMeta } from './ReviewMeta';
import { ShortcutList, useModerationShortcuts } from './ShortcutList';
import { SpanLabels } from './SpanLabels';
import { SpanList } from './SpanList';
import { SpanText } from './SpanText';
import { SubmittedAnswer } from './SubmittedAnswer';
import { useDocEditor } from './useDocEditor';
import { useModerationKeys } from './useModerationKeys';

const TEXT_ID = 'moderation-text';

type Props = WorkspaceProps<'text_moderation'> & {
  /** Leaves for list mode, once this task's draft is saved; null where list mode is not offered. */
  onListMode: ((flush: () => Promise<void>) => void) | null;
};

/** One text moderation task: decision, reasons, spans and redaction; once closed, read-only. */
export function SingleModeration({ detail, task, onListMode }: Props) {
  const { t } = useTranslation('moderation');
  const taskId = detail.summary.taskId;
  const readOnly = !isOpenState(detail.summary.state);
  const locale = currentLocale();
  const position = positionInRun(
    useAppStore((state) => state.run),
    taskId,
  );
  const context = useMemo(() => moderationContext(task.config, task.data), [task]);
  const { editor, envelope, ...edit } = useDocEditor(() => restoreEditor(detail.draft, context));
  const autosave = useAutosave(taskId, envelope, !readOnly);
  const { submit: send, submitting, error: submitError } = useSubmit(taskId, autosave);
  const [selection, setSelection] = useState<TextSelection>(CARET_AT_START);
  const stored = readOnly ? readAnswer(detail.answer) : null;
  const doc = editor.doc;
  const spans = readOnly ? (stored?.spans ?? []) : doc.spans;
  const labels = task.config.spanLabels;
  const selected = selectionRange(selection);
  /** What a label would mark now: the selection, whole graphemes, without spaces at its ends. */
  const marking = isCollapsed(selection) ? null : cleanRange(context.model, selected.start, selected.end);
  const selecting = marking !== null;

  const dispatch = (action: DraftAction) => {
    if (!submitting && !readOnly) edit.commit((current) => applyAction(current, action, context));
  };
  const focusText = () => document.getElementById(TEXT_ID)?.focus({ preventScroll: true });

  const applyLabel = (label: SpanLabel) => {
    if (!marking) return;
    dispatch({ type: 'addSpan', ...marking, label: label.code });
    setSelection({ anchor: marking.end, focus: marking.end });
  };
  const removeAt = (offset: number) => {
    const index = spanAtCaret(doc.spans, offset);
    if (index >= 0) dispatch({ type: 'removeSpan', index });
  };
  const adjust = (index: number) => {
    const span = doc.spans[index];
    if (!span) return;
    setSelection({ anchor: span.start, focus: span.end });
    focusText();
  };

  const submit = async () => {
    const answer = answerOf(doc, context);
    if (answer === null || readOnly) return;
    await send(answer, envelope);
  };

  const onCommand = (command: ModerationCommand) => {
    switch (command.type) {
      case 'back':
        return showInbox();
      case 'toggleInstructions':
        return toggleInstructions();
      case 'submit':
        return void submit();
      case 'undo':
        return edit.undo();
      case 'redo':
        return edit.redo();
      case 'toggleList':
        return onListMode?.(autosave.flush);
      case 'labelKey': {
        const label = labels.find((candidate) => candidate.hotkey === command.hotkey);
        return label && applyLabel(label);
      }
      default:
        return dispatch(command);
    }
  };
  useModerationKeys(
    { readOnly, selecting, labelHotkeys: labels.flatMap((label) => (label.hotkey ? [label.hotkey] : [])) },
    onCommand,
  );
  const shortcuts = useModerationShortcuts({
    readOnly,
    spans: labels.length > 0,
    escalate: task.config.allowEscalate,
  });
  const redacted = readOnly ? stored?.redactedText : redactSpans(task.data.text, doc.spans, labels);

  return (
    <div className="screen task-screen moderation">
      <TaskNav position={position}>
        {!readOnly && (
          <>
            <HistoryButtons
              canUndo={canUndo(editor)}
              canRedo={canRedo(editor)}
              onUndo={edit.undo}
              onRedo={edit.redo}
            />
            {onListMode && <ModeButton to="list" onClick={() => onListMode(autosave.flush)} />}
            <SaveState status={autosave.status} />
          </>
        )}
      </TaskNav>
      <ScreenHeading>{task.projectName}</ScreenHeading>
      <div className="task-grid">
        <div className="task-main">
          <section className="card review-card" aria-labelledby="review-heading">
            <h2 id="review-heading" className="label-heading">
              {t('textLabel')}
            </h2>
            <ReviewMeta data={task.data} />
            <SpanText
              model={context.model}
              spans={spans}
              labels={labels}
              locale={locale}
              lang={task.data.language}
              selection={readOnly ? null : selection}
              onSelect={setSelection}
              onRemoveAt={removeAt}
              labelledBy="review-heading"
              describedBy={labels.length > 0 && !readOnly ? 'span-status span-keys' : undefined}
            />
            {labels.length > 0 && !readOnly && (
              <>
                <p id="span-keys" className="visually-hidden">
                  {t('textKeys')}
                </p>
                <SpanLabels
                  labels={labels}
                  locale={locale}
                  selectedText={marking ? sliceText(context.model, marking.start, marking.end) : null}
                  statusId="span-status"
                  onApply={(label) => {
                    applyLabel(label);
                    focusText();
                  }}
                />
              </>
            )}
          </section>
          {labels.length > 0 && (
            <SpanList
              spans={spans}
              labels={labels}
              locale={locale}
              onAdjust={readOnly ? null : adjust}
              onRemove={readOnly ? null : (index) => dispatch({ type: 'removeSpan', index })}
            />
          )}
          {context.redacts && redacted !== undefined && (
            <RedactedPreview text={redacted} lang={task.data.language} />
          )}
          <Guidelines instructions={task.instructions} config={task.config} />
        </div>
        <div className="task-side">
          {readOnly ? (
            <SubmittedAnswer summary={detail.summary} config={task.config} answer={stored} />
          ) : (
            <DecisionForm
              config={task.config}
              doc={doc}
              problem={draftProblem(doc)}
              submitting={submitting}
              submitError={submitError}
              dispatch={dispatch}
              onNoteInput={(text) => {
                if (submitting) return;
                // One undo step per word: the gesture closes at each space (and when the note loses focus).
                const change = (current: typeof doc) => applyAction(current, { type: 'note', text }, context);
                if (/\s$/u.test(text)) edit.commit(change);
                else edit.preview(change);
              }}
              onNoteDone={edit.endGesture}
              onSubmit={() => void submit()}
            />
          )}
          <ShortcutList rows={shortcuts} />
        </div>
      </div>
    </div>
  );
}
