import type { TakeAnalysis } from './pcm-checks';

/**
 * The recorder as a small state machine: open the microphone, count down, record, check, keep or
 * refuse the take. The microphone itself lives in the audio folder; this decides what may happen
 * next, so a stray key press can never start two takes or keep a refused one.
 */
export type RecorderError = 'denied' | 'no_device' | 'unsupported' | 'capture_failed' | 'save_failed';

export type RecorderState =
  | { phase: 'idle' }
  | { phase: 'opening'; promptId: string }
  | { phase: 'countdown'; promptId: string; remaining: number }
  | { phase: 'recording'; promptId: string }
  /** Analysing the take, then (with its analysis) storing it when it passes. */
  | { phase: 'checking'; promptId: string; analysis?: TakeAnalysis }
  | { phase: 'rejected'; promptId: string; analysis: TakeAnalysis }
  | { phase: 'accepted'; promptId: string; analysis: TakeAnalysis }
  | { phase: 'failed'; promptId: string; error: RecorderError };

export type RecorderEvent =
  | { type: 'record'; promptId: string }
  | { type: 'micReady' }
  | { type: 'tick' }
  | { type: 'stop' }
  | { type: 'cancel' }
  | { type: 'checked'; analysis: TakeAnalysis }
  | { type: 'saved' }
  | { type: 'failed'; error: RecorderError };

export const COUNTDOWN_SECONDS = 3;
export const IDLE: RecorderState = { phase: 'idle' };

/** True while a take is being made: the microphone is open and other prompts wait. */
export function isBusy(state: RecorderState): boolean {
  return (
    state.phase === 'opening' ||
    state.phase === 'countdown' ||
    state.phase === 'recording' ||
    state.phase === 'checking'
  );
}

export function recorderReducer(state: RecorderState, event: RecorderEvent): RecorderState {
  switch (event.type) {
    case 'record':
      return isBusy(state) ? state : { phase: 'opening', promptId: event.promptId };
    case 'micReady':
      return state.phase === 'opening'
        ? { phase: 'countdown', promptId: state.promptId, remaining: COUNTDOWN_SECONDS }
        : state;
    case 'tick':
      if (state.phase !== 'countdown') return state;
      return state.remaining > 1
        ? { ...state, remaining: state.remaining - 1 }
        : { phase: 'recording', promptId: state.promptId };
    case 'stop':
      if (state.phase === 'recording') return { phase: 'checking', promptId: state.promptId };
      // Stopping before the recording began abandons the take.
      return state.phase === 'opening' || state.phase === 'countdown' ? IDLE : state;
    case 'cancel':
      return state.phase === 'checking' ? state : IDLE;
    case 'checked':
      if (state.phase !== 'checking') return state;
      return event.analysis.problems.length > 0
        ? { phase: 'rejected', promptId: state.promptId, analysis: event.analysis }
        : { ...state, analysis: event.analysis };
    case 'saved':
      return state.phase === 'checking' && state.analysis
        ? { phase: 'accepted', promptId: state.promptId, analysis: state.analysis }
        : state;
    case 'failed':
      return 'promptId' in state ? { phase: 'failed', promptId: state.promptId, error: event.error } : state;
  }
}
