import { useEffect, useState } from 'react';
import type { AudioRef } from '../../../shared/domain/media';
import { mediaPath } from '../../../shared/domain/media';
import { flatWaveform, readPeaks, waveformFromPeaks, type WaveformData } from '../../editor/audio/peaks';

export type WaveformLoad =
  | { status: 'loading' }
  /** `peaksMissing`: drawn flat (no peaks file, or it could not be read); playback still works. */
  | { status: 'ready'; waveform: WaveformData; peaksMissing: boolean };

/**
 * The waveform of a recording from its precomputed peaks (a small JSON media file), never from the
 * audio itself: the renderer does not decode a long file. The duration is the item's, the one the
 * queue checks segments against.
 */
export function useWaveformData(audio: Pick<AudioRef, 'durationMs' | 'peaks'>): WaveformLoad {
  const [load, setLoad] = useState<WaveformLoad>({ status: 'loading' });
  const durationSeconds = audio.durationMs / 1000;
  const peaksSha = audio.peaks?.sha256 ?? null;

  useEffect(() => {
    let current = true;
    const flat = () => ({
      status: 'ready' as const,
      waveform: flatWaveform(durationSeconds),
      peaksMissing: true,
    });
    if (peaksSha === null) {
      setLoad(flat());
      return;
    }
    setLoad({ status: 'loading' });
    fetch(mediaPath(peaksSha))
      .then(async (response) => {
        if (!response.ok) throw new Error(`peaks file: HTTP ${response.status}`);
        const waveform = waveformFromPeaks(readPeaks(await response.json()));
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
  }, [peaksSha, durationSeconds]);

  return load;
}
