import { describe, expect, it } from 'vitest';
import type { TakeAnalysis } from './pcm-checks';
import {
  COUNTDOWN_SECONDS,
  IDLE,
  isBusy,
  recorderReducer,
  type RecorderEvent,
  type RecorderState,
} from './recorder-machine';

const analysis = (problems: TakeAnalysis['problems']): TakeAnalysis => ({
  keepStart: 0,
  keepEnd: 16_000,
  durationMs: 1000,
  trimmedStartMs: 0,
  trimmedEndMs: 0,
  levelDb: -20,
  peakDb: -3,
  clipped: false,
  problems,
});
const run = (state: RecorderState, ...events: RecorderEvent[]) => events.reduce(recorderReducer, state);

describe('the recorder', () => {
  it('opens the microphone, counts down, records, checks and keeps a good take', () => {
    let state = run(IDLE, { type: 'record', promptId: 'p1' });
    expect(state).toEqual({ phase: 'opening', promptId: 'p1' });
    state = run(state, { type: 'micReady' });
    expect(state).toEqual({ phase: 'countdown', promptId: 'p1', remaining: COUNTDOWN_SECONDS });
    for (let i = 1; i < COUNTDOWN_SECONDS; i += 1) state = run(state, { type: 'tick' });
    expect(state.phase).toBe('countdown');
    state = run(state, { type: 'tick' });
    expect(state).toEqual({ phase: 'recording', promptId: 'p1' });
    state = run(state, { type: 'stop' }, { type: 'checked', analysis: analysis([]) });
    expect(state.phase).toBe('checking');
    state = run(state, { type: 'saved' });
    expect(state).toEqual({ phase: 'accepted', promptId: 'p1', analysis: analysis([]) });
  });

  it('refuses a take that fails a check, and lets it be recorded again', () => {
    let state = run(
      IDLE,
      { type: 'record', promptId: 'p1' },
      { type: 'micReady' },
      { type: 'tick' },
      { type: 'tick' },
      { type: 'tick' },
    );
    state = run(state, { type: 'stop' }, { type: 'checked', analysis: analysis(['too_quiet']) });
    expect(state).toEqual({ phase: 'rejected', promptId: 'p1', analysis: analysis(['too_quiet']) });
    expect(run(state, { type: 'saved' })).toBe(state);
    expect(run(state, { type: 'record', promptId: 'p1' })).toEqual({ phase: 'opening', promptId: 'p1' });
  });

  it('never starts a second take while one is being made', () => {
    const recording = run(IDLE, { type: 'record', promptId: 'p1' }, { type: 'micReady' });
    expect(isBusy(recording)).toBe(true);
    expect(run(recording, { type: 'record', promptId: 'p2' })).toBe(recording);
  });

  it('abandons the take when stopped during the countdown, or cancelled', () => {
    const counting = run(IDLE, { type: 'record', promptId: 'p1' }, { type: 'micReady' });
    expect(run(counting, { type: 'stop' })).toEqual(IDLE);
    expect(run(counting, { type: 'tick' }, { type: 'tick' }, { type: 'tick' }, { type: 'cancel' })).toEqual(
      IDLE,
    );
  });

  it('says what failed: a refused microphone, a failed save', () => {
    expect(run(IDLE, { type: 'record', promptId: 'p1' }, { type: 'failed', error: 'denied' })).toEqual({
      phase: 'failed',
      promptId: 'p1',
      error: 'denied',
    });
    expect(run(IDLE, { type: 'failed', error: 'denied' })).toEqual(IDLE);
    const saving = run(
      IDLE,
      { type: 'record', promptId: 'p1' },
      { type: 'micReady' },
      { type: 'tick' },
      { type: 'tick' },
      { type: 'tick' },
      { type: 'stop' },
    );
    expect(run(saving, { type: 'cancel' })).toBe(saving);
    expect(run(saving, { type: 'failed', error: 'save_failed' }).phase).toBe('failed');
  });
});
