import { memo, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, PLAYBACK_RATES, stepZoom } from '../../editor/audio/playback';
import type { AudioPlayer, PlayerStore } from '../../audio/player';
import { Kbd } from '../../ui/Kbd';

type Props = {
  store: PlayerStore;
  playerRef: RefObject<AudioPlayer | null>;
  /** Zoom steps (px per second, 0 = whole recording); none for a short clip. */
  zoomLevels?: readonly number[];
  /** Show the ±2 s / ±5 s buttons and the speed choice (transcription). */
  full?: boolean;
};

/**
 * Play / pause, position, skips, speed and zoom: every player command has a button with its key
 * shown, and the position is a slider, so nothing needs the mouse on the waveform.
 */
export const PlayerBar = memo(function PlayerBar({ store, playerRef, zoomLevels = [], full = false }: Props) {
  const { t } = useTranslation('audio');
  const snapshot = useSyncExternalStore(store.subscribe, store.get);
  const player = () => playerRef.current;
  const total = formatClock(snapshot.duration);
  const now = formatClock(snapshot.time);
  const canZoom = zoomLevels.length > 1;
  return (
    <div className="player-bar" role="toolbar" aria-label={t('player.controls')}>
      {full && (
        <>
          <button
            type="button"
            className="button-quiet skip-button"
            onClick={() => player()?.skip(-5)}
            aria-label={t('player.back5')}
            title={t('player.back5')}
            aria-keyshortcuts="Control+Shift+ArrowLeft"
          >
            {'«\u00a05\u00a0s'}
          </button>
          <button
            type="button"
            className="button-quiet skip-button"
            onClick={() => player()?.skip(-2)}
            aria-label={t('player.back2')}
            title={t('player.back2')}
            aria-keyshortcuts="Control+ArrowLeft"
          >
            {'‹\u00a02\u00a0s'}
          </button>
        </>
      )}
      <button
        type="button"
        className="button-primary play-button"
        onClick={() => player()?.toggle()}
        aria-keyshortcuts={full ? 'Control+Space' : 'Space'}
        disabled={!snapshot.ready}
      >
        <span aria-hidden="true">{snapshot.playing ? '❚❚ ' : '▶ '}</span>
        {snapshot.playing ? t('player.pause') : t('player.play')}
        {full && (
          <span aria-hidden="true">
            <Kbd>{`${t('keys.ctrl')}+${t('keys.space')}`}</Kbd>
          </span>
        )}
      </button>
      {full && (
        <>
          <button
            type="button"
            className="button-quiet skip-button"
            onClick={() => player()?.skip(2)}
            aria-label={t('player.forward2')}
            title={t('player.forward2')}
            aria-keyshortcuts="Control+ArrowRight"
          >
            {'2\u00a0s\u00a0›'}
          </button>
          <button
            type="button"
            className="button-quiet skip-button"
            onClick={() => player()?.skip(5)}
            aria-label={t('player.forward5')}
            title={t('player.forward5')}
            aria-keyshortcuts="Control+Shift+ArrowRight"
          >
            {'5\u00a0s\u00a0»'}
          </button>
        </>
      )}
      <span className="player-clock" aria-hidden="true">
        {now} / {total}
      </span>
      <label className="player-position">
        <span className="visually-hidden">{t('player.position')}</span>
        <input
          type="range"
          min={0}
          max={Math.max(0.1, snapshot.duration)}
          step={0.1}
          value={Math.min(snapshot.time, snapshot.duration)}
          aria-valuetext={t('player.positionText', { time: now, total })}
          onChange={(event) => player()?.seek(Number(event.target.value))}
          disabled={!snapshot.ready}
        />
      </label>
      {full && (
        <label className="player-speed">
          {t('player.speed')}
          <select value={snapshot.rate} onChange={(event) => player()?.setRate(Number(event.target.value))}>
            {PLAYBACK_RATES.map((rate) => (
              <option key={rate} value={rate}>
                {t('player.speedValue', { rate })}
              </option>
            ))}
          </select>
        </label>
      )}
      {canZoom && (
        <span className="player-zoom">
          <button
            type="button"
            className="button-quiet"
            aria-label={t('player.zoomOut')}
            title={t('player.zoomOut')}
            disabled={snapshot.zoom <= (zoomLevels[0] ?? 0)}
            onClick={() => player()?.setZoom(stepZoom(zoomLevels, snapshot.zoom, -1))}
          >
            −
          </button>
          <span className="player-zoom-level">
            {snapshot.zoom === 0 ? t('player.zoomWhole') : t('player.zoomPx', { px: snapshot.zoom })}
          </span>
          <button
            type="button"
            className="button-quiet"
            aria-label={t('player.zoomIn')}
            title={t('player.zoomIn')}
            disabled={snapshot.zoom >= (zoomLevels.at(-1) ?? 0)}
            onClick={() => player()?.setZoom(stepZoom(zoomLevels, snapshot.zoom, 1))}
          >
            +
          </button>
        </span>
      )}
      {snapshot.error !== null && (
        <p className="message message-error player-error" role="alert">
          {t('player.failed', { reason: snapshot.error })}
        </p>
      )}
    </div>
  );
});
