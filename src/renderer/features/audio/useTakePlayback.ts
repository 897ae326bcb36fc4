import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Plays one recording at a time (a kept take from the laptop's store, or a refused one still in
 * memory). Short files: a plain audio element, no waveform needed.
 */
export function useTakePlayback() {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);

  const stop = useCallback(() => {
    audioRef.current?.pause();
    audioRef.current = null;
    setPlaying(null);
  }, []);

  const play = useCallback(
    (url: string) => {
      stop();
      const audio = new Audio(url);
      audioRef.current = audio;
      const done = () => {
        if (audioRef.current === audio) {
          audioRef.current = null;
          setPlaying(null);
        }
      };
      audio.addEventListener('ended', done);
      audio.addEventListener('error', done);
      setPlaying(url);
      audio.play().catch(done);
    },
    [stop],
  );

  useEffect(() => stop, [stop]);
  return { playing, play, stop };
}
