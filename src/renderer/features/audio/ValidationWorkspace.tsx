import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { audioValidationAnswerSchema } from '../../../shared/domain/kinds/audio';
import { mediaPath } from '../../../shared/domain/media';
import { createPlayerStore, type AudioPlayer } from '../../audio/player';
import { Waveform } from '../../audio/Waveform';
import { hasHeard, NOT_LISTENED, trackListening } from '../../editor/audio/listening';
import {
  EMPTY_VALIDATION,
  readValidationDoc,
  reduceValidation,
  validationAnswerOf,
  validationCommandFor,
  validationProblem,
  type ValidationAction,
  type ValidationCommand,
} from '../../editor/audio/validation';
import { fromDraft, toDraft } from '../../editor/draft-envelope';
import { commit, replace } from '../../editor/history';
import { isOpenState, positionInRun } from '../../editor/work-run';
import { currentLocale } from '../../i18n';
import { showInbox, toggleInstructions, useAppStore } from '../../state/app-store';
import { focusKindOf } from '../../ui/focus';
import { Kbd } from '../../ui/Kbd';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { InstructionsPanel } from '../task/InstructionsPanel';
import { SaveState } from '../task/SaveState';
import { TaskNav } from '../task/TaskNav';
import { useAutosave } from '../task/useAutosave';
import { useSubmit } from '../task/useSubmit';
import type { WorkspaceProps } from '../task/workspaces';
import './audio.css';
import { ClosedTaskNote } from './ClosedTaskNote';
import { PlayerBar } from './PlayerBar';
import { ShortcutTable } from './ShortcutTable';
import { SubmitPanel } from './SubmitPanel';
import { useKeyCommands } from './useKeyCommands';
import { useWaveformData } from './useWaveformData';
import { VerdictForm } from './VerdictForm';

/** Does this clip say this sentence? Listen to all of it, then valid, or invalid with a reason. */
export function ValidationWorkspace({ detail, task }: WorkspaceProps<'audio_validation'>) {
  const { t } = useTranslation('audio');
  const taskId = detail.summary.taskId;
  const readOnly = !isOpenState(detail.summary.state);
  const position = positionInRun(
    useAppStore((state) => state.run),
    taskId,
  );
  const { config, data: item } = task;
  const [editor, setEditor] = useState(() =>
    fromDraft(detail.draft, (value) => readValidationDoc(value, config), EMPTY_VALIDATION),
  );
  const draft = useMemo(() => toDraft(editor), [editor]);
  const autosave = useAutosave(taskId, draft, !readOnly);
  const { submit: send, submitting, error: submitError } = useSubmit(taskId, autosave);
  const load = useWaveformData(item.audio);
  const [store] = useState(createPlayerStore);
  const playerRef = useRef<AudioPlayer | null>(null);
  const doc = editor.doc;

  const dispatch = (action: ValidationAction) => {
    if (readOnly || submitting) return;
    // Having heard the clip is a fact, not an edit: it is kept, but undo never takes it back.
    setEditor((current) => {
      const next = reduceValidation(current.doc, action, config);
      if (next === current.doc) return current;
      return action.type === 'heard' ? replace(current, next) : commit(current, next);
    });
  };

  // Count what is really played; the answer unlocks once nearly all the clip was heard.
  const onHeard = useEffectEvent(() => dispatch({ type: 'heard' }));
  useEffect(() => {
    let listening = NOT_LISTENED;
    return store.subscribe(() => {
      const { time, playing, duration } = store.get();
      listening = trackListening(listening, time, playing);
      if (hasHeard(listening, duration)) onHeard();
    });
  }, [store]);

  const replay = () => {
    playerRef.current?.seek(0);
    playerRef.current?.play();
  };
  const submit = async () => {
    const answer = validationAnswerOf(doc);
    if (answer === null || readOnly) return;
    await send(answer, draft);
  };
  const run = (command: ValidationCommand) => {
    switch (command.type) {
      case 'replay':
        return replay();
      case 'playPause':
        return playerRef.current?.toggle();
      case 'submit':
        return void submit();
      case 'back':
        return showInbox();
      case 'toggleInstructions':
        return toggleInstructions();
      default:
        return dispatch(command);
    }
  };
  useKeyCommands(
    (event) =>
      validationCommandFor(
        {
          key: event.key,
          code: event.code,
          ctrlKey: event.ctrlKey,
          altKey: event.altKey,
          metaKey: event.metaKey,
          repeat: event.repeat,
          focus: focusKindOf(event.target),
        },
        { readOnly: readOnly || submitting },
      ),
    run,
  );

  const problem = validationProblem(doc);
  const locale = currentLocale();
  const stored = readOnly ? audioValidationAnswerSchema.safeParse(detail.answer) : null;
  const reasonLabel = (code: string | undefined) =>
    config.reasons.find((reason) => reason.code === code)?.label[locale] ?? code ?? '';

  return (
    <div className="screen task-screen audio-screen">
      <TaskNav position={position}>{!readOnly && <SaveState status={autosave.status} />}</TaskNav>
      <ScreenHeading>{task.projectName}</ScreenHeading>
      <div className="task-grid audio-grid">
        <div className="task-main">
          <section className="card clip-card" aria-labelledby="clip-heading">
            <h2 id="clip-heading">{t('validation.question')}</h2>
            <p className="label-heading">{t('validation.sentence')}</p>
            <p className="sentence" lang={item.language} dir="auto">
              {item.sentence}
            </p>
            {load.status === 'loading' ? (
              <p role="status" className="waveform-loading">
                {t('player.loading')}
              </p>
            ) : (
              <Waveform
                src={mediaPath(item.audio.sha256)}
                waveform={load.waveform}
                label={t('player.waveform')}
                store={store}
                playerRef={playerRef}
                height={88}
              />
            )}
            {load.status === 'ready' && load.peaksMissing && <p className="hint">{t('player.noPeaks')}</p>}
            <PlayerBar store={store} playerRef={playerRef} />
            <p className="recorder-controls">
              <button type="button" className="button-quiet" onClick={replay} aria-keyshortcuts="R">
                <span aria-hidden="true">↺ </span>
                {t('validation.replay')}
                <span aria-hidden="true">
                  <Kbd>R</Kbd>
                </span>
              </button>
            </p>
            <p className={`heard-state ${doc.heard ? 'heard-yes' : 'heard-no'}`} role="status">
              <span aria-hidden="true">{doc.heard ? '✓ ' : '… '}</span>
              {doc.heard ? t('validation.heard') : t('validation.listenFirst')}
            </p>
          </section>
          <InstructionsPanel instructions={task.instructions} />
        </div>
        <div className="task-side">
          {readOnly ? (
            <ClosedTaskNote summary={detail.summary}>
              <p className="closed-answer">
                {!stored?.success
                  ? t('submit.unreadable')
                  : stored.data.verdict === 'valid'
                    ? t('validation.answerValid')
                    : t('validation.answerInvalid', { reason: reasonLabel(stored.data.reason) })}
              </p>
            </ClosedTaskNote>
          ) : (
            <SubmitPanel
              heading={t('validation.verdict')}
              problem={problem ? t(`validation.problem.${problem}`) : null}
              submitting={submitting}
              submitError={submitError}
              onSubmit={() => void submit()}
              keyLabel={t('keys.enter')}
              keyShortcut="Enter"
            >
              <VerdictForm config={config} doc={doc} dispatch={dispatch} />
            </SubmitPanel>
          )}
          <ShortcutTable
            rows={[
              [t('keys.space'), t('shortcut.playPause')],
              ['R', t('shortcut.replay')],
              ...(readOnly
                ? []
                : ([
                    ['V', t('shortcut.valid')],
                    ['I', t('shortcut.invalid')],
                    ['1–9', t('shortcut.reasons')],
                    [t('keys.enter'), t('shortcut.submit')],
                  ] as const)),
            ]}
          />
        </div>
      </div>
    </div>
  );
}
