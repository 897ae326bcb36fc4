import type WaveSurfer from 'wavesurfer.js';
import { clampTime, loopJump } from '../editor/audio/playback';
import type { AudioPlayer, PlayerStore } from './player';

export type LoopRange = { start: number; end: number };

/** The part of wavesurfer the player drives. */
export type WaveLike = Pick<
  WaveSurfer,
  | 'play'
  | 'pause'
  | 'isPlaying'
  | 'setTime'
  | 'getCurrentTime'
  | 'getDuration'
  | 'setPlaybackRate'
  | 'zoom'
  | 'getWrapper'
  | 'getWidth'
  | 'getScroll'
  | 'setScrollTime'
>;

/**
 * The AudioPlayer over one wavesurfer instance. The loop range lives in `loop`, which the
 * Waveform keeps across instances: when the waveform is rebuilt (new peaks, a new height) the
 * segment being transcribed keeps looping.
 */
export function createWavePlayer(
  wavesurfer: WaveLike,
  store: PlayerStore,
  loop: { current: LoopRange | null },
  fallbackDuration: number,
): AudioPlayer & { onTime(time: number): void } {
  const duration = () => wavesurfer.getDuration() || fallbackDuration;
  const player: AudioPlayer & { onTime(time: number): void } = {
    play: () => void wavesurfer.play().catch((error: unknown) => store.set({ error: String(error) })),
    pause: () => wavesurfer.pause(),
    toggle: () => (wavesurfer.isPlaying() ? wavesurfer.pause() : player.play()),
    seek: (seconds) => wavesurfer.setTime(clampTime(seconds, duration())),
    skip: (seconds) => wavesurfer.setTime(clampTime(wavesurfer.getCurrentTime() + seconds, duration())),
    setRate: (rate) => {
      wavesurfer.setPlaybackRate(rate, true);
      store.set({ rate });
    },
    setZoom: (pxPerSec) => {
      store.set({ zoom: pxPerSec });
      if (store.get().ready) wavesurfer.zoom(pxPerSec);
    },
    setLoop: (range) => {
      loop.current = range;
    },
    playRange: (start, end) => {
      loop.current = null;
      void wavesurfer.play(start, end).catch((error: unknown) => store.set({ error: String(error) }));
    },
    reveal: (seconds) => {
      const total = duration();
      const wrapperWidth = wavesurfer.getWrapper().scrollWidth;
      if (!(total > 0) || wrapperWidth <= wavesurfer.getWidth()) return;
      const pxPerSec = wrapperWidth / total;
      const left = wavesurfer.getScroll() / pxPerSec;
      const visible = wavesurfer.getWidth() / pxPerSec;
      if (seconds < left || seconds > left + visible)
        wavesurfer.setScrollTime(Math.max(0, seconds - visible / 4));
    },
    currentTime: () => wavesurfer.getCurrentTime(),
    duration,
    /** Playback moved on: back to the loop's start once past its end. */
    onTime: (time) => {
      const jump = wavesurfer.isPlaying() ? loopJump(time, loop.current) : null;
      if (jump !== null) wavesurfer.setTime(jump);
    },
  };
  return player;
}
