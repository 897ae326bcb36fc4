import { describe, expect, it } from 'vitest';
import { createPlayerStore } from './player';
import { createWavePlayer, type LoopRange, type WaveLike } from './wave-player';

/** Stands in for wavesurfer: plays, and remembers where it was sent. */
function fakeWave(): WaveLike & { time: number; playing: boolean } {
  const wave = {
    time: 0,
    playing: false,
    play: async () => {
      wave.playing = true;
    },
    pause: () => {
      wave.playing = false;
    },
    isPlaying: () => wave.playing,
    setTime: (seconds: number) => {
      wave.time = seconds;
    },
    getCurrentTime: () => wave.time,
    getDuration: () => 30,
    setPlaybackRate: () => undefined,
    zoom: () => undefined,
    getWrapper: () => ({ scrollWidth: 0 }) as HTMLElement,
    getWidth: () => 0,
    getScroll: () => 0,
    setScrollTime: () => undefined,
  };
  return wave;
}

describe('the waveform player', () => {
  it('loops the segment being typed, and keeps looping once the waveform is rebuilt', async () => {
    const store = createPlayerStore();
    const loop: { current: LoopRange | null } = { current: null };
    const first = fakeWave();
    const before = createWavePlayer(first, store, loop, 30);
    before.setLoop({ start: 4, end: 6 });

    // New peaks or a new height: the Waveform makes a new wavesurfer and a new player.
    const second = fakeWave();
    const after = createWavePlayer(second, store, loop, 30);
    after.play();
    await Promise.resolve();
    after.onTime(6.05);
    expect(second.time).toBe(4);

    after.setLoop(null);
    second.time = 7;
    after.onTime(7);
    expect(second.time).toBe(7);
  });

  it('stops looping for a one-off range, and never jumps while paused', () => {
    const store = createPlayerStore();
    const loop: { current: LoopRange | null } = { current: null };
    const wave = fakeWave();
    const player = createWavePlayer(wave, store, loop, 30);
    player.setLoop({ start: 1, end: 2 });
    wave.time = 3;
    player.onTime(3);
    expect(wave.time).toBe(3);
    player.playRange(10, 12);
    expect(loop.current).toBeNull();
  });
});
