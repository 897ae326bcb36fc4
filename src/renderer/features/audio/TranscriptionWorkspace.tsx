import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaPath } from '../../../shared/domain/media';
import { createPlayerStore, type AudioPlayer } from '../../audio/player';
import { Waveform, type RegionChange } from '../../audio/Waveform';
import { labelHotkeys } from '../../editor/audio/labels';
import { zoomLevels } from '../../editor/audio/playback';
import {
  createSegment,
  EMPTY_TRANSCRIPTION,
  findSegment,
  moveSegment,
  resizeSegment,
  setSegmentLabel,
  setSegmentText,
} from '../../editor/audio/segments';
import { transcriptionCommandFor, type TranscriptionCommand } from '../../editor/audio/transcription-keys';
import { readTranscriptionDoc, rulesOf, transcriptionAnswerOf } from '../../editor/audio/transcription-doc';
import { fromDraft } from '../../editor/draft-envelope';
import { createEditor } from '../../editor/history';
import { isOpenState, positionInRun } from '../../editor/work-run';
import { useAppStore } from '../../state/app-store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { InstructionsPanel } from '../task/InstructionsPanel';
import { SaveState } from '../task/SaveState';
import { TaskNav } from '../task/TaskNav';
import { useAutosave } from '../task/useAutosave';
import { useSubmit } from '../task/useSubmit';
import type { WorkspaceProps } from '../task/workspaces';
import './audio.css';
import { ClosedTaskNote } from './ClosedTaskNote';
import { transcriptFieldId, transcriptFocusOf } from './focus';
import { PlayerBar } from './PlayerBar';
import { SegmentList } from './SegmentList';
import { SegmentToolbar, type ToolbarCommand } from './SegmentToolbar';
import { createWith, runTranscriptionCommand, type CommandContext } from './transcription-commands';
import { regionViews } from './region-views';
import { TranscriptionShortcuts } from './TranscriptionShortcuts';
import { TranscriptionSubmit } from './TranscriptionSubmit';
import { useKeyCommands } from './useKeyCommands';
import { useTranscriptionEditor } from './useTranscriptionEditor';
import { useWaveformData } from './useWaveformData';
import { useWidth } from './useWidth';

/** Segmenting and transcribing one recording: waveform, player, segments, transcripts. */
export function TranscriptionWorkspace({ detail, task }: WorkspaceProps<'audio_transcription'>) {
  const { t, i18n } = useTranslation('audio');
  const taskId = detail.summary.taskId;
  const readOnly = !isOpenState(detail.summary.state);
  const position = positionInRun(
    useAppStore((state) => state.run),
    taskId,
  );
  const { config, data: item } = task;
  const rules = useMemo(() => rulesOf(config, item), [config, item]);
  const editor = useTranscriptionEditor(
    () =>
      readOnly
        ? createEditor(readTranscriptionDoc(detail.answer) ?? EMPTY_TRANSCRIPTION)
        : fromDraft(detail.draft, readTranscriptionDoc, EMPTY_TRANSCRIPTION),
    rules,
  );
  const autosave = useAutosave(taskId, editor.draft, !readOnly);
  const { submit: send, submitting, error: submitError } = useSubmit(taskId, autosave);
  const load = useWaveformData(item.audio);
  const [store] = useState(createPlayerStore);
  const playerRef = useRef<AudioPlayer | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [typingIn, setTypingIn] = useState<string | null>(null);
  const [loop, setLoop] = useState(true);
  const [newLabel, setNewLabel] = useState(config.labels[0]!.code);
  const [notice, setNotice] = useState<string | null>(null);
  const focusAfterRender = useRef<string | null>(null);
  const [cardRef, width] = useWidth<HTMLElement>();
  const hotkeys = useMemo(() => labelHotkeys(config.labels), [config.labels]);
  const { doc } = editor;

  // The segment being typed loops, so the HITer hears it again without leaving the keyboard.
  const looping = typingIn !== null && loop ? findSegment(doc, typingIn) : undefined;
  useEffect(() => {
    playerRef.current?.setLoop(looping ? { start: looping.startMs / 1000, end: looping.endMs / 1000 } : null);
  }, [looping?.startMs, looping?.endMs, looping]);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (id === null) return;
    focusAfterRender.current = null;
    document.getElementById(transcriptFieldId(id))?.focus();
  });

  const { current, edit, type, settle } = editor;
  const goTo = useCallback(
    (id: string, focusText: boolean) => {
      setSelectedId(id);
      if (focusText) focusAfterRender.current = id;
      const segment = findSegment(current(), id);
      if (segment) playerRef.current?.reveal(segment.startMs / 1000);
    },
    [current],
  );

  const rowActions = useMemo(
    () => ({
      select: (id: string) => setSelectedId(id),
      play: (id: string) => {
        const segment = findSegment(current(), id);
        setSelectedId(id);
        if (segment) playerRef.current?.playRange(segment.startMs / 1000, segment.endMs / 1000);
      },
      setLabel: (id: string, label: string) => void edit((doc) => setSegmentLabel(doc, id, label)),
      setText: (id: string, text: string) => type((doc) => setSegmentText(doc, id, text)),
      focusText: (id: string | null) => {
        setTypingIn(id);
        if (id === null) settle();
      },
    }),
    [current, edit, type, settle],
  );

  const onRegionChange = (change: RegionChange) => {
    if (readOnly) return;
    setSelectedId(change.id);
    const result = editor.drag(
      (current) =>
        change.side === 'move'
          ? moveSegment(current, change.id, change.startMs, rules)
          : resizeSegment(
              current,
              change.id,
              change.side === 'start' ? { startMs: change.startMs } : { endMs: change.endMs },
              rules,
            ),
      change.done,
    );
    if (change.done) context.notify(result.ok ? null : result.problem);
  };

  const submit = async () => {
    editor.settle();
    const answer = transcriptionAnswerOf(editor.current(), config, item);
    // The submit panel already says what is missing.
    if (answer === null) return;
    await send(answer, editor.draft);
  };
  const levels = useMemo(
    () => zoomLevels(item.audio.durationMs / 1000, Math.max(320, width - 32)),
    [item.audio.durationMs, width],
  );
  const context: CommandContext = {
    editor,
    config,
    rules,
    player: () => playerRef.current,
    store,
    zoomLevels: levels,
    selectedId,
    newLabel,
    setNewLabel,
    select: setSelectedId,
    goTo,
    notify: (problem) =>
      setNotice(
        problem === null ? null : t(`transcription.refused.${problem}`, { min: config.minSegmentMs }),
      ),
    submit: () => void submit(),
  };
  const run = (command: TranscriptionCommand) => runTranscriptionCommand(command, context);

  // The toolbar keeps one callback for its whole life (it is memoised): it runs the latest `run`.
  const runRef = useRef(run);
  useLayoutEffect(() => {
    runRef.current = run;
  });
  const onToolbar = useCallback((command: ToolbarCommand) => runRef.current({ type: command }), []);
  const onSubmitClick = useCallback(() => void runRef.current({ type: 'submit' }), []);
  const onGoToProblem = useCallback((id: string) => goTo(id, true), [goTo]);

  useKeyCommands(
    (event) =>
      transcriptionCommandFor(
        {
          key: event.key,
          code: event.code,
          ctrlKey: event.ctrlKey,
          altKey: event.altKey,
          metaKey: event.metaKey,
          shiftKey: event.shiftKey,
          repeat: event.repeat,
          focus: transcriptFocusOf(event.target),
        },
        { readOnly: readOnly || submitting },
      ),
    run,
  );

  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const regions = useMemo(
    () => regionViews(doc.segments, config.labels, selectedId, locale),
    [doc.segments, selectedId, config.labels, locale],
  );

  return (
    <div className="screen task-screen audio-screen">
      <TaskNav position={position}>{!readOnly && <SaveState status={autosave.status} />}</TaskNav>
      <ScreenHeading>{task.projectName}</ScreenHeading>
      <section ref={cardRef} className="card waveform-card" aria-label={t('player.waveform')}>
        {item.context && (
          <p className="audio-context" dir="auto">
            <span className="label-heading">{t('transcription.context')}</span> {item.context}
          </p>
        )}
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
            regions={regions}
            editable={!readOnly}
            height={96}
            onRegionChange={onRegionChange}
            onRegionCreate={(startMs, endMs) =>
              createWith(context, (id) =>
                createSegment(editor.current(), { id, startMs, endMs, label: newLabel }, rules),
              )
            }
            onRegionSelect={(id) => setSelectedId(id)}
          />
        )}
        {load.status === 'ready' && load.peaksMissing && <p className="hint">{t('player.noPeaks')}</p>}
        <PlayerBar store={store} playerRef={playerRef} zoomLevels={levels} full />
      </section>
      <div className="task-grid audio-grid">
        <div className="task-main">
          <section className="card segments-card" aria-labelledby="segments-heading">
            <h2 id="segments-heading">
              {t('transcription.segmentsHeading')}{' '}
              <span className="segment-count">
                {t('transcription.segmentCount', { count: doc.segments.length })}
              </span>
            </h2>
            {!readOnly && (
              <SegmentToolbar
                labels={config.labels}
                hotkeys={hotkeys}
                newLabel={newLabel}
                onNewLabel={setNewLabel}
                hasSelection={selectedId !== null && findSegment(doc, selectedId) !== undefined}
                canUndo={editor.canUndo}
                canRedo={editor.canRedo}
                loop={loop}
                onLoop={setLoop}
                onCommand={onToolbar}
                notice={notice}
              />
            )}
            <SegmentList
              segments={doc.segments}
              selectedId={selectedId}
              labels={config.labels}
              hotkeys={hotkeys}
              language={config.language}
              readOnly={readOnly}
              actions={rowActions}
            />
          </section>
          <InstructionsPanel instructions={task.instructions} />
        </div>
        <div className="task-side">
          {readOnly ? (
            <ClosedTaskNote summary={detail.summary} />
          ) : (
            <TranscriptionSubmit
              doc={editor.settledDoc}
              config={config}
              item={item}
              submitting={submitting}
              submitError={submitError}
              onSubmit={onSubmitClick}
              onGoTo={onGoToProblem}
            />
          )}
          <TranscriptionShortcuts readOnly={readOnly} />
        </div>
      </div>
    </div>
  );
}
