/**
 * What the audio screens may ask of a waveform player, and what they can watch of it. The
 * wavesurfer instance behind it never leaves this folder.
 */
export type AudioPlayer = {
  play(): void;
  pause(): void;
  toggle(): void;
  /** Jumps to a time (seconds), clamped to the recording. */
  seek(seconds: number): void;
  skip(seconds: number): void;
  /** 0.5–2, the pitch kept. */
  setRate(rate: number): void;
  /** Pixels per second; 0 fits the whole recording in the width. */
  setZoom(pxPerSec: number): void;
  /** Plays `range` over and over (a segment being transcribed); null stops looping. */
  setLoop(range: { start: number; end: number } | null): void;
  /** Plays from `start` to `end`, then stops. */
  playRange(start: number, end: number): void;
  /** Brings a time into view without moving the playhead. */
  reveal(seconds: number): void;
  currentTime(): number;
  duration(): number;
};

export type PlayerSnapshot = {
  ready: boolean;
  playing: boolean;
  /** Seconds, updated about ten times a second while playing (enough for a clock). */
  time: number;
  duration: number;
  rate: number;
  zoom: number;
  /** Set when the audio could not be played (file missing, unreadable). */
  error: string | null;
};

export const INITIAL_SNAPSHOT: PlayerSnapshot = {
  ready: false,
  playing: false,
  time: 0,
  duration: 0,
  rate: 1,
  zoom: 0,
  error: null,
};

/**
 * A tiny store for `useSyncExternalStore`: the screen re-renders a clock ten times a second, not
 * the whole workspace on every audio frame.
 */
export function createPlayerStore() {
  let snapshot = INITIAL_SNAPSHOT;
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    set(changes: Partial<PlayerSnapshot>) {
      const next = { ...snapshot, ...changes };
      const same = (Object.keys(changes) as (keyof PlayerSnapshot)[]).every((key) =>
        Object.is(snapshot[key], next[key]),
      );
      if (same) return;
      snapshot = next;
      for (const listener of listeners) listener();
    },
  };
}
export type PlayerStore = ReturnType<typeof createPlayerStore>;
