/**
 * Whether a clip was really listened to: playback time is counted only while it moves on by itself
 * (a seek to the end is not listening), and the clip counts as heard once nearly all of it was.
 */
export type Listening = { lastTime: number | null; heardSeconds: number };

export const NOT_LISTENED: Listening = { lastTime: null, heardSeconds: 0 };

/** A jump larger than this between two clock readings is a seek, not listening. */
const MAX_NATURAL_STEP = 1;
/** Share of the clip that must have been heard. */
export const HEARD_SHARE = 0.9;

export function trackListening(state: Listening, time: number, playing: boolean): Listening {
  if (!playing) return state.lastTime === null ? state : { ...state, lastTime: null };
  if (state.lastTime === null) return { ...state, lastTime: time };
  const step = time - state.lastTime;
  const natural = step > 0 && step <= MAX_NATURAL_STEP;
  return { lastTime: time, heardSeconds: state.heardSeconds + (natural ? step : 0) };
}

export function hasHeard(state: Listening, durationSeconds: number): boolean {
  return durationSeconds > 0 && state.heardSeconds >= durationSeconds * HEARD_SHARE;
}
