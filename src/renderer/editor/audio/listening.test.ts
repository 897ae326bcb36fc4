import { describe, expect, it } from 'vitest';
import { hasHeard, NOT_LISTENED, trackListening, type Listening } from './listening';

const play = (state: Listening, times: number[], playing = true) =>
  times.reduce((current, time) => trackListening(current, time, playing), state);

describe('listening to a clip', () => {
  it('counts a clip played through as heard', () => {
    const state = play(NOT_LISTENED, [0, 0.1, 0.25, 0.5, 0.8, 1.1, 1.4, 1.7, 2.0]);
    expect(state.heardSeconds).toBeCloseTo(2, 5);
    expect(hasHeard(state, 2)).toBe(true);
  });

  it('does not count a seek to the end', () => {
    const state = play(NOT_LISTENED, [0, 0.1, 0.2, 1.95, 2.0]);
    expect(hasHeard(state, 2)).toBe(false);
  });

  it('adds up pieces heard across pauses and replays, and counts faster playback', () => {
    let state = play(NOT_LISTENED, [0, 0.4, 0.8]);
    state = trackListening(state, 0.8, false);
    state = play(state, [0.8, 1.6, 2.4, 3.2, 4.0]); // 2× speed: 0.8 s steps
    expect(state.heardSeconds).toBeCloseTo(4, 5);
    expect(hasHeard(state, 4)).toBe(true);
  });

  it('never counts a clip of no length as heard', () => {
    expect(hasHeard(NOT_LISTENED, 0)).toBe(false);
  });
});
