import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormCommand } from '../../editor/form/form-keys';
import {
  answerOf,
  formProblems,
  restoreEditor,
  setInput,
  type FormInput,
} from '../../editor/form/form-draft';
import { canRedo, canUndo } from '../../editor/history';
import { isOpenState, positionInRun } from '../../editor/work-run';
import { currentLocale } from '../../i18n';
import { showInbox, toggleInstructions, useAppStore } from '../../state/app-store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { InstructionsPanel } from '../task/InstructionsPanel';
import { SaveState } from '../task/SaveState';
import { TaskNav } from '../task/TaskNav';
import { useAutosave } from '../task/useAutosave';
import { useSubmit } from '../task/useSubmit';
import type { WorkspaceProps } from '../task/workspaces';
import { HistoryButtons } from '../text/NavButtons';
import { ShortcutList } from '../text/ShortcutList';
import { useDocEditor } from '../text/useDocEditor';
import { ContextPanel } from './ContextPanel';
import { fieldInputId, FormFieldView } from './FormFieldView';
import { SubmitBar } from './SubmitBar';
import { SubmittedForm } from './SubmittedForm';
import { useFormKeys } from './useFormKeys';
import './form.css';

/**
 * A form task: the context to research, read or transcribe beside typed fields that say what is
 * wrong as the HITer types (once a field was left, or after a submit attempt), undo included.
 * Submit stays unusable, saying why, until every field is valid.
 */
export function FormWorkspace({ detail, task }: WorkspaceProps<'form'>) {
  const { t } = useTranslation('form');
  const taskId = detail.summary.taskId;
  const readOnly = !isOpenState(detail.summary.state);
  const locale = currentLocale();
  const position = positionInRun(
    useAppStore((state) => state.run),
    taskId,
  );
  const { editor, envelope, ...edit } = useDocEditor(() =>
    restoreEditor(detail.draft, task.config, task.data, locale),
  );
  const autosave = useAutosave(taskId, envelope, !readOnly);
  const { submit: send, submitting, error: submitError } = useSubmit(taskId, autosave);
  const problems = useMemo(() => formProblems(task.config, editor.doc), [task.config, editor.doc]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  /** The field whose typing is one undo step so far. */
  const typing = useRef<string | null>(null);

  const change = (code: string, input: FormInput, burst: boolean) => {
    if (submitting) return;
    if (typing.current !== code) edit.endGesture();
    typing.current = burst ? code : null;
    const apply = (doc: typeof editor.doc) => setInput(doc, code, input);
    if (burst) edit.preview(apply);
    else edit.commit(apply);
  };
  const leave = (code: string) => {
    edit.endGesture();
    typing.current = null;
    setTouched((all) => (all.has(code) ? all : new Set(all).add(code)));
  };
  const goTo = (code: string) => {
    const element = document.getElementById(fieldInputId(code));
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  };
  const nextField = (from: EventTarget | null) => {
    const controls = [...(form.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])];
    const current = from instanceof HTMLElement ? from.dataset.field : undefined;
    const at = controls.findIndex((control) => control === from);
    const next = controls.slice(at + 1).find((control) => control.dataset.field !== current);
    (next ?? form.current?.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
  };

  /** Every problem shown, the focus on the first field that has one. */
  const showProblems = () => {
    setAttempted(true);
    const first = task.config.fields.find((field) => problems.has(field.code));
    if (first) goTo(first.code);
  };
  const submit = async () => {
    if (readOnly) return;
    edit.endGesture();
    const answer = answerOf(task.config, editor.doc);
    if (answer === null) return showProblems();
    setAttempted(true);
    await send(answer, envelope);
  };

  useFormKeys(readOnly, (command: FormCommand) => {
    switch (command.type) {
      case 'submit':
        return void submit();
      case 'undo':
        typing.current = null;
        return edit.undo();
      case 'redo':
        typing.current = null;
        return edit.redo();
      case 'nextField':
        return nextField(document.activeElement);
      case 'back':
        return showInbox();
      case 'toggleInstructions':
        return toggleInstructions();
    }
  });

  const shortcuts = useFormShortcuts(readOnly);
  const image = task.data.context.image !== undefined && !readOnly;
  return (
    <div className={`screen task-screen form-screen${image ? ' form-screen-image' : ''}`}>
      <TaskNav position={position}>
        {!readOnly && (
          <>
            <HistoryButtons
              canUndo={canUndo(editor)}
              canRedo={canRedo(editor)}
              onUndo={edit.undo}
              onRedo={edit.redo}
            />
            <SaveState status={autosave.status} />
          </>
        )}
      </TaskNav>
      <ScreenHeading>{task.projectName}</ScreenHeading>
      <div className="task-grid form-grid">
        <div className="task-main">
          <ContextPanel
            context={task.data.context}
            imageKept={detail.summary.state !== 'accepted' && detail.summary.state !== 'superseded'}
          />
          {!image && <InstructionsPanel instructions={task.instructions} />}
        </div>
        <div className="task-side form-side">
          {readOnly ? (
            <SubmittedForm
              summary={detail.summary}
              config={task.config}
              stored={detail.answer}
              locale={locale}
            />
          ) : (
            <form
              ref={form}
              className="card form-card"
              aria-labelledby="form-heading"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              <h2 id="form-heading">{t('heading')}</h2>
              {task.config.fields.map((field) => (
                <FormFieldView
                  key={field.code}
                  field={field}
                  input={editor.doc.values[field.code] ?? null}
                  problem={attempted || touched.has(field.code) ? (problems.get(field.code) ?? null) : null}
                  locale={locale}
                  onChange={(input, burst) => change(field.code, input, burst)}
                  onBlur={() => leave(field.code)}
                />
              ))}
              <SubmitBar
                config={task.config}
                problems={problems}
                locale={locale}
                submitting={submitting}
                submitError={submitError}
                onGoTo={goTo}
                onBlockedAttempt={showProblems}
              />
            </form>
          )}
          {/* Beside an image, the image keeps the whole height: the instructions go under the form. */}
          {image && <InstructionsPanel instructions={task.instructions} />}
          <ShortcutList rows={shortcuts} />
        </div>
      </div>
    </div>
  );
}

function useFormShortcuts(readOnly: boolean): Array<[string, string]> {
  const { t } = useTranslation('form');
  const { t: tApp } = useTranslation();
  const back: [string, string] = [tApp('keys.escape'), t('shortcut.back')];
  const guide: [string, string] = ['? / F1', t('shortcut.guidelines')];
  if (readOnly) return [back, guide];
  return [
    [t('keys.tab'), t('shortcut.move')],
    [tApp('keys.enter'), t('shortcut.nextField')],
    [t('keys.ctrlEnter'), t('shortcut.submit')],
    [t('keys.undo'), t('shortcut.undo')],
    [t('keys.redo'), t('shortcut.redo')],
    back,
    guide,
  ];
}
