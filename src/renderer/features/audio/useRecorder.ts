import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { AudioRecordingConfig } from '../../../shared/domain/kinds/audio';
import { call } from '../../api';
import { MicrophoneError, openMicrophone, type Microphone } from '../../audio/microphone';
import { analyseTake, roundDb, type TakeAnalysis } from '../../editor/audio/pcm-checks';
import { IDLE, isBusy, recorderReducer } from '../../editor/audio/recorder-machine';
import type { Recording } from '../../editor/audio/recording-doc';
import { encodeTakeWav, toBase64, wavDurationMs } from '../../editor/audio/wav';

/** Past the longest allowed take, recording stops by itself (leaving room for silence to trim). */
export const AUTO_STOP_EXTRA_MS = 1000;
const METER_INTERVAL_MS = 80;

/** A take that failed the checks: kept in memory only, so the HITer can hear what went wrong. */
export type RefusedTake = { promptId: string; url: string; analysis: TakeAnalysis };

/**
 * The microphone for the recording screen: one take at a time, through the recorder state
 * machine. A take that passes the checks is trimmed, encoded as WAV and stored on the laptop
 * (`media.store`) before `onKept` hands it to the document; one that fails is never stored.
 */
export function useRecorder(config: AudioRecordingConfig, onKept: (recording: Recording) => void) {
  const [state, dispatch] = useReducer(recorderReducer, IDLE);
  const [level, setLevel] = useState(-Infinity);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [refused, setRefused] = useState<RefusedTake | null>(null);
  const micRef = useRef<Microphone | null>(null);
  const startedAt = useRef(0);
  const onKeptRef = useRef(onKept);
  useEffect(() => {
    onKeptRef.current = onKept;
  });

  const closeMic = useCallback(() => {
    micRef.current?.close();
    micRef.current = null;
    setLevel(-Infinity);
  }, []);

  const record = useCallback(
    async (promptId: string) => {
      if (isBusy(state)) return;
      dispatch({ type: 'record', promptId });
      try {
        micRef.current = await openMicrophone(config.sampleRate);
        dispatch({ type: 'micReady' });
      } catch (error) {
        dispatch({
          type: 'failed',
          error: error instanceof MicrophoneError ? error.reason : 'capture_failed',
        });
      }
    },
    [state, config.sampleRate],
  );

  const process = useCallback(
    async (promptId: string) => {
      const mic = micRef.current;
      if (!mic) return;
      const samples = mic.stopTake();
      const sampleRate = mic.sampleRate;
      closeMic();
      const analysis = analyseTake(samples, sampleRate, config);
      dispatch({ type: 'checked', analysis });
      const kept = samples.subarray(analysis.keepStart, analysis.keepEnd);
      const wav = encodeTakeWav(kept, sampleRate);
      if (analysis.problems.length > 0) {
        setRefused({
          promptId,
          analysis,
          url: URL.createObjectURL(new Blob([wav.buffer as ArrayBuffer], { type: 'audio/wav' })),
        });
        return;
      }
      try {
        const stored = await call('media.store', { mime: 'audio/wav', base64: toBase64(wav) });
        onKeptRef.current({
          promptId,
          audio: {
            sha256: stored.sha256,
            mime: 'audio/wav',
            bytes: stored.bytes,
            durationMs: Math.max(1, wavDurationMs(kept.length, sampleRate)),
          },
          checks: {
            levelDb: roundDb(analysis.levelDb),
            peakDb: roundDb(analysis.peakDb),
            clipped: analysis.clipped,
            trimmedStartMs: analysis.trimmedStartMs,
            trimmedEndMs: analysis.trimmedEndMs,
          },
        });
        dispatch({ type: 'saved' });
      } catch (error) {
        console.error('[audio] storing the recording failed', error);
        dispatch({ type: 'failed', error: 'save_failed' });
      }
    },
    [closeMic, config],
  );

  const stop = useCallback(() => {
    if (state.phase === 'recording') {
      dispatch({ type: 'stop' });
      void process(state.promptId);
    } else if (state.phase === 'opening' || state.phase === 'countdown') {
      dispatch({ type: 'stop' });
      closeMic();
    }
  }, [state, process, closeMic]);

  const cancel = useCallback(() => {
    if (state.phase === 'checking') return;
    dispatch({ type: 'cancel' });
    closeMic();
  }, [state.phase, closeMic]);

  // The countdown, then the take starts.
  useEffect(() => {
    if (state.phase !== 'countdown') return;
    const timer = setTimeout(() => dispatch({ type: 'tick' }), 1000);
    return () => clearTimeout(timer);
  }, [state]);
  useEffect(() => {
    if (state.phase !== 'recording') return;
    micRef.current?.startTake();
    startedAt.current = performance.now();
    setElapsedMs(0);
  }, [state.phase]);

  // The level meter and the clock while the microphone is open; stop by itself past the limit.
  const live = state.phase === 'countdown' || state.phase === 'recording';
  const stopRef = useRef(stop);
  useEffect(() => {
    stopRef.current = stop;
  });
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      setLevel(micRef.current?.level() ?? -Infinity);
      if (state.phase !== 'recording') return;
      const elapsed = performance.now() - startedAt.current;
      setElapsedMs(elapsed);
      if (elapsed >= config.maxDurationMs + AUTO_STOP_EXTRA_MS) stopRef.current();
    }, METER_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [live, state.phase, config.maxDurationMs]);

  // A refused take is forgotten once another one starts (and its memory freed).
  useEffect(() => {
    if (refused && state.phase === 'opening') {
      URL.revokeObjectURL(refused.url);
      setRefused(null);
    }
  }, [refused, state.phase]);
  useEffect(() => () => micRef.current?.close(), []);

  return { state, level, elapsedMs, refused, record, stop, cancel };
}
