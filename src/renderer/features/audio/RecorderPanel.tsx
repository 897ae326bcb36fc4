import { useTranslation } from 'react-i18next';
import type { AudioRecordingConfig } from '../../../shared/domain/kinds/audio';
import type { TakeAnalysis, TakeProblem } from '../../editor/audio/pcm-checks';
import { formatClock } from '../../editor/audio/playback';
import type { RecorderState } from '../../editor/audio/recorder-machine';
import type { Recording } from '../../editor/audio/recording-doc';
import { Kbd } from '../../ui/Kbd';

type Props = {
  config: AudioRecordingConfig;
  prompt: { id: string; text: string; language?: string | undefined };
  number: number;
  total: number;
  state: RecorderState;
  level: number;
  elapsedMs: number;
  /** The prompt's kept take, if any. */
  take: Recording | undefined;
  /** This prompt's refused take, if its checks failed. */
  refused: TakeAnalysis | null;
  playing: boolean;
  readOnly: boolean;
  onRecord: () => void;
  onStop: () => void;
  onCancel: () => void;
  onPlay: () => void;
  /** What happened to the previous sentence, after the app moved on to this one. */
  flash: string | null;
};

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The sentence to read, the record button, the level meter and what the checks found. */
export function RecorderPanel(props: Props) {
  const { t } = useTranslation('audio');
  const { state, config } = props;
  const here = 'promptId' in state && state.promptId === props.prompt.id;
  const live = here && (state.phase === 'countdown' || state.phase === 'recording');
  const busy = here && (live || state.phase === 'opening' || state.phase === 'checking');
  const problemText = (problem: TakeProblem, analysis: TakeAnalysis) =>
    t(`recording.problem.${problem}`, {
      level: Math.round(analysis.levelDb),
      seconds: seconds(analysis.durationMs),
      min: seconds(config.minDurationMs),
      max: seconds(config.maxDurationMs),
    });

  let status = '';
  if (here && state.phase === 'opening') status = t('recording.opening');
  if (here && state.phase === 'countdown') status = t('recording.countdown', { count: state.remaining });
  if (here && state.phase === 'recording')
    status = t('recording.recordingNow', { time: formatClock(props.elapsedMs / 1000) });
  if (here && state.phase === 'checking') status = t('recording.checking');

  const canPlay = !busy && (props.take !== undefined || props.refused !== null);
  return (
    <section className="card recorder-card" aria-labelledby="recorder-heading">
      <h2 id="recorder-heading" className="label-heading">
        {t('recording.readAloud')} ·{' '}
        {t('recording.promptNumber', { number: props.number, total: props.total })}
      </h2>
      <p className="prompt-now" lang={props.prompt.language} dir="auto">
        {props.prompt.text}
      </p>
      {props.flash && (
        <p className="message message-success" role="status">
          <span aria-hidden="true" className="message-icon">
            ✓
          </span>
          <span>{props.flash}</span>
        </p>
      )}
      <div className="recorder-controls">
        {!props.readOnly &&
          (busy ? (
            <>
              <button
                type="button"
                className="button-primary record-button"
                onClick={props.onStop}
                aria-keyshortcuts="Space"
                disabled={state.phase === 'checking'}
              >
                <span aria-hidden="true">■ </span>
                {t('recording.stop')}
                <span aria-hidden="true">
                  <Kbd>{t('keys.space')}</Kbd>
                </span>
              </button>
              <button
                type="button"
                className="button-quiet"
                onClick={props.onCancel}
                aria-keyshortcuts="Escape"
              >
                {t('recording.cancel')}
                <span aria-hidden="true">
                  <Kbd>{t('keys.escape')}</Kbd>
                </span>
              </button>
            </>
          ) : (
            <button type="button" className="record-button" onClick={props.onRecord} aria-keyshortcuts="R">
              <span aria-hidden="true" className="record-dot" />
              {props.take || props.refused ? t('recording.recordAgain') : t('recording.record')}
              <span aria-hidden="true">
                <Kbd>R</Kbd>
              </span>
            </button>
          ))}
        {canPlay && (
          <button type="button" className="button-quiet" onClick={props.onPlay} aria-keyshortcuts="P">
            <span aria-hidden="true">{props.playing ? '■ ' : '▶ '}</span>
            {props.playing ? t('recording.stopPlaying') : t('recording.playTake')}
            <span aria-hidden="true">
              <Kbd>P</Kbd>
            </span>
          </button>
        )}
      </div>
      <p className={`recorder-status${live ? ' recorder-live' : ''}`} role="status">
        {live && state.phase === 'recording' && <span aria-hidden="true">● </span>}
        {status}
      </p>
      {live && (
        <>
          <div className="level-meter">
            <span id="level-label">{t('recording.level')}</span>
            <meter
              aria-labelledby="level-label"
              min={-60}
              max={0}
              low={-40}
              high={-3}
              optimum={-18}
              value={Math.max(-60, Number.isFinite(props.level) ? props.level : -60)}
            />
            <span className="level-text">
              {Number.isFinite(props.level)
                ? t('recording.levelText', { db: Math.round(props.level) })
                : t('recording.levelSilent')}
            </span>
          </div>
          <p className="hint">
            {t('recording.autoStop', { seconds: Math.round(config.maxDurationMs / 1000) + 1 })}
          </p>
        </>
      )}
      {here && state.phase === 'failed' && (
        <p className="message message-error" role="alert">
          <span aria-hidden="true" className="message-icon">
            !
          </span>
          <span>{t(`recording.error.${state.error}`)}</span>
        </p>
      )}
      {!busy && props.refused && (
        <div className="take-result message message-error" role="alert">
          <div>
            <strong>{t('recording.rejectedHeading')}</strong>
            <ul>
              {props.refused.problems.map((problem) => (
                <li key={problem}>{problemText(problem, props.refused!)}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {!busy && !props.refused && props.take && (
        <div className="take-result">
          <p className="message message-success">
            <span aria-hidden="true" className="message-icon">
              ✓
            </span>
            <span>
              {t('recording.accepted', { seconds: seconds(props.take.audio.durationMs) })}{' '}
              {t('recording.trimmed', {
                start: seconds(props.take.checks.trimmedStartMs),
                end: seconds(props.take.checks.trimmedEndMs),
              })}
            </span>
          </p>
        </div>
      )}
    </section>
  );
}
