import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { audioRecordingAnswerSchema } from '../../../shared/domain/kinds/audio';
import { mediaPath } from '../../../shared/domain/media';
import { isBusy } from '../../editor/audio/recorder-machine';
import { recordingCommandFor, type RecordingCommand } from '../../editor/audio/recording-keys';
import {
  EMPTY_RECORDINGS,
  keepTake,
  missingPrompts,
  nextMissingPrompt,
  readRecordingDoc,
  recordingAnswerOf,
  takeOf,
  type Recording,
  type RecordingDoc,
} from '../../editor/audio/recording-doc';
import { fromDraft, toDraft } from '../../editor/draft-envelope';
import { commit, createEditor } from '../../editor/history';
import { isOpenState, positionInRun } from '../../editor/work-run';
import { showInbox, toggleInstructions, useAppStore } from '../../state/app-store';
import { focusKindOf } from '../../ui/focus';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { InstructionsPanel } from '../task/InstructionsPanel';
import { SaveState } from '../task/SaveState';
import { TaskNav } from '../task/TaskNav';
import { useAutosave } from '../task/useAutosave';
import { useSubmit } from '../task/useSubmit';
import type { WorkspaceProps } from '../task/workspaces';
import './audio.css';
import { ClosedTaskNote } from './ClosedTaskNote';
import { PromptList } from './PromptList';
import { RecorderPanel } from './RecorderPanel';
import { ShortcutTable } from './ShortcutTable';
import { SubmitPanel } from './SubmitPanel';
import { useKeyCommands } from './useKeyCommands';
import { useRecorder } from './useRecorder';
import { useTakePlayback } from './useTakePlayback';

/** Reading prompts aloud: record each one, hear it back, re-record; checked before it is kept. */
export function RecordingWorkspace({ detail, task }: WorkspaceProps<'audio_recording'>) {
  const { t } = useTranslation('audio');
  const taskId = detail.summary.taskId;
  const readOnly = !isOpenState(detail.summary.state);
  const position = positionInRun(
    useAppStore((state) => state.run),
    taskId,
  );
  const { config, data: item } = task;
  const [editor, setEditor] = useState(() => {
    if (!readOnly) return fromDraft(detail.draft, (value) => readRecordingDoc(value, item), EMPTY_RECORDINGS);
    const stored = audioRecordingAnswerSchema.safeParse(detail.answer);
    return createEditor<RecordingDoc>(
      stored.success ? { recordings: stored.data.recordings } : EMPTY_RECORDINGS,
    );
  });
  const doc = editor.doc;
  const draft = useMemo(() => toDraft(editor), [editor]);
  const autosave = useAutosave(taskId, draft, !readOnly);
  const { submit: send, submitting, error: submitError } = useSubmit(taskId, autosave);
  const [currentId, setCurrentId] = useState(() => nextMissingPrompt(doc, item, null) ?? item.prompts[0]!.id);
  const [flash, setFlash] = useState<string | null>(null);
  const playback = useTakePlayback();

  const onKept = (recording: Recording) => {
    setEditor((current) => commit(current, keepTake(current.doc, recording)));
    const number = item.prompts.findIndex((prompt) => prompt.id === recording.promptId) + 1;
    const following = nextMissingPrompt(keepTake(doc, recording), item, recording.promptId);
    if (following !== null && following !== recording.promptId) {
      setFlash(t('recording.flash', { number, seconds: (recording.audio.durationMs / 1000).toFixed(1) }));
      setCurrentId(following);
    }
  };
  const recorder = useRecorder(config, onKept);
  const busy = isBusy(recorder.state);
  const index = Math.max(
    0,
    item.prompts.findIndex((prompt) => prompt.id === currentId),
  );
  const prompt = item.prompts[index]!;
  const take = takeOf(doc, prompt.id);
  const refused = recorder.refused?.promptId === prompt.id ? recorder.refused : null;

  const choose = (promptId: string) => {
    if (busy) return;
    playback.stop();
    setFlash(null);
    setCurrentId(promptId);
  };
  const playCurrent = () => {
    const url = refused ? refused.url : take ? mediaPath(take.audio.sha256) : null;
    if (url === null) return;
    if (playback.playing === url) playback.stop();
    else playback.play(url);
  };
  const record = () => {
    playback.stop();
    setFlash(null);
    void recorder.record(prompt.id);
  };
  const answer = recordingAnswerOf(doc, item);
  const submit = async () => {
    if (answer === null || readOnly || busy) return;
    playback.stop();
    await send(answer, draft);
  };

  const run = (command: RecordingCommand) => {
    switch (command.type) {
      case 'record':
        return record();
      case 'stop':
        return recorder.stop();
      case 'cancel':
        return recorder.cancel();
      case 'play':
        return playCurrent();
      case 'prompt': {
        const next = item.prompts[index + command.direction];
        if (next) choose(next.id);
        return;
      }
      case 'submit':
        return void submit();
      case 'back':
        return showInbox();
      case 'toggleInstructions':
        return toggleInstructions();
    }
  };
  useKeyCommands(
    (event) =>
      recordingCommandFor(
        {
          key: event.key,
          code: event.code,
          ctrlKey: event.ctrlKey,
          altKey: event.altKey,
          metaKey: event.metaKey,
          repeat: event.repeat,
          focus: focusKindOf(event.target),
        },
        { readOnly: readOnly || submitting, takeInProgress: busy },
      ),
    run,
  );

  const missing = missingPrompts(doc, item).length;
  const done = item.prompts.length - missing;
  return (
    <div className="screen task-screen audio-screen">
      <TaskNav position={position}>{!readOnly && <SaveState status={autosave.status} />}</TaskNav>
      <ScreenHeading>{task.projectName}</ScreenHeading>
      <div className="task-grid audio-grid">
        <div className="task-main">
          <RecorderPanel
            config={config}
            prompt={prompt}
            number={index + 1}
            total={item.prompts.length}
            state={recorder.state}
            level={recorder.level}
            elapsedMs={recorder.elapsedMs}
            take={take}
            refused={refused?.analysis ?? null}
            playing={playback.playing !== null}
            readOnly={readOnly}
            onRecord={record}
            onStop={recorder.stop}
            onCancel={recorder.cancel}
            onPlay={playCurrent}
            flash={flash}
          />
          <PromptList
            item={item}
            doc={doc}
            currentId={prompt.id}
            refusedId={recorder.refused?.promptId ?? null}
            onChoose={choose}
          />
          <InstructionsPanel instructions={task.instructions} />
        </div>
        <div className="task-side">
          {readOnly ? (
            <ClosedTaskNote summary={detail.summary} />
          ) : (
            <SubmitPanel
              heading={t('recording.submitHeading')}
              problem={missing > 0 ? t('recording.missing') : busy ? t('recording.checking') : null}
              submitting={submitting}
              submitError={submitError}
              onSubmit={() => void submit()}
              keyLabel={t('keys.enter')}
              keyShortcut="Enter"
            >
              <p className="recording-progress">
                {t('recording.progress', { total: item.prompts.length, done })}
              </p>
              <p className="hint">{t('recording.stored')}</p>
            </SubmitPanel>
          )}
          <ShortcutTable
            rows={[
              ...(readOnly
                ? []
                : ([
                    ['R', t('shortcut.record')],
                    [`${t('keys.space')} / ${t('keys.enter')}`, t('shortcut.stop')],
                  ] as const)),
              ['P', t('shortcut.play')],
              ['↑ ↓', t('shortcut.prompts')],
              ...(readOnly ? [] : ([[t('keys.enter'), t('shortcut.submit')]] as const)),
            ]}
          />
        </div>
      </div>
    </div>
  );
}
