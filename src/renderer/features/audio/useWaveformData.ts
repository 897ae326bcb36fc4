import { useEffect, useState } from 'react';
import type { AudioRef } from '../../../shared/domain/media';
import { mediaPath } from '../../../shared/domain/media';
import { call } from '../../api';
import { flatWaveform, readPeaks, waveformFromPeaks, type WaveformData } from '../../editor/audio/peaks';

export type WaveformLoad =
  | { status: 'loading' }
  /** `peaksMissing`: drawn flat (no peaks file, or it could not be read); playback still works. */
  | { status: 'ready'; waveform: WaveformData; peaksMissing: boolean };

/**
 * The waveform of a recording from its precomputed peaks (a small JSON media file), never from the
 * audio itself: the renderer does not decode a long file. A file without peaks (a local recording)
 * gets them from main, which works them out off its event loop (`media.peaks`). The duration is
 * the item's, the one the queue checks segments against.
 */
export function useWaveformData(audio: Pick<AudioRef, 'sha256' | 'durationMs' | 'peaks'>): WaveformLoad {
  const [load, setLoad] = useState<WaveformLoad>({ status: 'loading' });
  const durationSeconds = audio.durationMs / 1000;
  const peaksSha = audio.peaks?.sha256 ?? null;
  const audioSha = audio.sha256;

  useEffect(() => {
    let current = true;
    const flat = () => ({
      status: 'ready' as const,
      waveform: flatWaveform(durationSeconds),
      peaksMissing: true,
    });
    setLoad({ status: 'loading' });
    const peaks: Promise<unknown> =
      peaksSha === null
        ? call('media.peaks', { sha256: audioSha }).then((reply) => {
            if (reply.peaks === null) throw new Error('not a WAV file: no peaks computed');
            return reply.peaks;
          })
        : fetch(mediaPath(peaksSha)).then((response) => {
            if (!response.ok) throw new Error(`peaks file: HTTP ${response.status}`);
            return response.json() as Promise<unknown>;
          });
    peaks
      .then((raw) => {
        const waveform = waveformFromPeaks(readPeaks(raw));
        if (current)
          setLoad({ status: 'ready', waveform: { ...waveform, durationSeconds }, peaksMissing: false });
      })
      .catch((error: unknown) => {
        console.warn('[audio] waveform peaks unavailable, drawing a flat line', error);
        if (current) setLoad(flat());
      });
    return () => {
      current = false;
    };
  }, [peaksSha, audioSha, durationSeconds]);

  return load;
}
