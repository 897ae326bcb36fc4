import { useEffect, useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import type { LeasedTask } from '../../../shared/domain/task';
import { toDraft } from '../../editor/draft-envelope';
import type { Editor } from '../../editor/history';
import {
  answerOf,
  draftProblem,
  type DraftAction,
  type ModerationContext,
  type ModerationDoc,
} from '../../editor/text/moderation-draft';
import { currentLocale } from '../../i18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StateBadge } from '../inbox/StateBadge';
import { useAutosave } from '../task/useAutosave';
import { useSubmit } from '../task/useSubmit';
import { ReasonPicker } from './ReasonPicker';
import { ReviewMeta } from './ReviewMeta';

export type RowHandle = {
  /** Sends the review if its decision is complete; resolves true once it is in the outbox. */
  submit: () => Promise<boolean>;
  flush: () => Promise<void>;
};

type Props = {
  index: number;
  task: Extract<LeasedTask, { kind: 'text_moderation' }>;
  taskId: string;
  editor: Editor<ModerationDoc>;
  context: ModerationContext;
  /** Set once the review is submitted. */
  closed: TaskSummary | null;
  active: boolean;
  picking: boolean;
  noting: boolean;
  rowRef: Ref<HTMLElement>;
  register: (taskId: string, handle: RowHandle | null) => void;
  onSubmitted: (summary: TaskSummary) => void;
  onActivate: () => void;
  dispatch: (action: DraftAction) => void;
  onNote: (text: string, done: boolean) => void;
  onPicked: (code: string | null) => void;
  onNoteClosed: () => void;
};

/**
 * One review of list mode: its text and what is known of it, the decision so far, and (while
 * active) the reason picker or the note. It saves its own draft and submits through `useSubmit`.
 */
export function ListRow(props: Props) {
  const { index, task, taskId, editor, context, closed, active } = props;
  const { t } = useTranslation('moderation');
  const locale = currentLocale();
  const doc = editor.doc;
  const envelope = useMemo(() => toDraft(editor), [editor]);
  const autosave = useAutosave(taskId, envelope, closed === null);
  const { submit: send, submitting, error } = useSubmit(taskId, autosave, props.onSubmitted);
  const { register } = props;

  useEffect(() => {
    register(taskId, {
      submit: async () => {
        const answer = answerOf(doc, context);
        return answer !== null && closed === null ? send(answer, envelope) : false;
      },
      flush: autosave.flush,
    });
    return () => register(taskId, null);
  });

  const reasonLabel = (code: string | null) =>
    task.config.reasons.find((reason) => reason.code === code)?.label[locale] ?? '';
  const decision =
    doc.decision === null
      ? t('list.undecided')
      : doc.decision === 'reject'
        ? doc.reason === null
          ? t('list.chooseReason')
          : t('closed.rejected', { reason: reasonLabel(doc.reason) })
        : t(`closed.${doc.decision}`);
  const headingId = `row-${taskId}-heading`;

  return (
    <li className={`list-row${active ? ' is-active' : ''}${closed ? ' is-closed' : ''}`}>
      <article
        ref={props.rowRef}
        tabIndex={active ? 0 : -1}
        aria-labelledby={headingId}
        aria-describedby={`row-${taskId}-decision`}
        aria-current={active ? 'true' : undefined}
        onFocus={props.onActivate}
        onClick={props.onActivate}
      >
        <div className="list-row-top">
          <h2 id={headingId} className="list-row-number">
            {t('list.rowHeading', { number: index + 1 })}
          </h2>
          <ReviewMeta data={task.data} compact />
          <p
            id={`row-${taskId}-decision`}
            className={`row-decision row-decision-${closed ? 'sent' : (doc.decision ?? 'none')}${
              draftProblem(doc) === 'no_reason' ? ' row-decision-incomplete' : ''
            }`}
          >
            {decision}
            {closed && <StateBadge state={closed.state} />}
            {submitting && !closed && <span className="hint">{t('submitting')}</span>}
          </p>
        </div>
        <p className="list-row-text" lang={task.data.language} dir="auto">
          {task.data.text}
        </p>
        {doc.spans.length > 0 && <p className="hint">{t('list.spans', { count: doc.spans.length })}</p>}
        {doc.note !== '' && !props.noting && (
          <p className="list-row-note" dir="auto">
            {t('closed.note', { note: doc.note })}
          </p>
        )}
      </article>
      {props.picking && (
        <ReasonPicker
          id={`picker-${taskId}`}
          reasons={task.config.reasons}
          current={doc.reason}
          onChoose={(code) => props.onPicked(code)}
          onClose={() => props.onPicked(null)}
        />
      )}
      {props.noting && (
        <div className="field list-row-note-field">
          <label htmlFor={`note-${taskId}`}>{t('note')}</label>
          <textarea
            id={`note-${taskId}`}
            rows={2}
            maxLength={2000}
            autoFocus
            value={doc.note}
            onChange={(event) => props.onNote(event.target.value, /\s$/u.test(event.target.value))}
            onKeyDown={(event) => {
              if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Escape') {
                event.preventDefault();
                props.onNoteClosed();
              }
            }}
            onBlur={props.onNoteClosed}
          />
          <p className="hint">{t('list.noteHint')}</p>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </li>
  );
}
