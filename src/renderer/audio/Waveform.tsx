import { useEffect, useLayoutEffect, useRef, type CSSProperties, type RefObject } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/plugins/regions';
import type { WaveformData } from '../editor/audio/peaks';
import type { AudioPlayer, PlayerStore } from './player';
import { syncRegions, type RegionView } from './regions-sync';
import { drawRuler } from './time-ruler';
import { createWavePlayer, type LoopRange } from './wave-player';

export type RegionChange = {
  id: string;
  startMs: number;
  endMs: number;
  side: 'start' | 'end' | 'move';
  /** The drag ended: commit (one undo step) rather than preview. */
  done: boolean;
};

type Props = {
  /** Where the audio streams from (`/media/<sha256>`, Range requests): never decoded whole. */
  src: string;
  /** Precomputed peaks and duration: the waveform is drawn from these alone. */
  waveform: WaveformData;
  /** Accessible name of the waveform, e.g. "Waveform of the recording". */
  label: string;
  store: PlayerStore;
  playerRef: RefObject<AudioPlayer | null>;
  regions?: readonly RegionView[];
  /** Regions can be drawn, dragged and resized with the mouse. */
  editable?: boolean;
  height?: number;
  onRegionChange?: (change: RegionChange) => void;
  onRegionCreate?: (startMs: number, endMs: number) => void;
  onRegionSelect?: (id: string) => void;
  /** Playback reached the end of the recording. */
  onFinish?: () => void;
};

type Callbacks = Pick<Props, 'onRegionChange' | 'onRegionCreate' | 'onRegionSelect' | 'onFinish'>;

const ms = (seconds: number) => Math.round(seconds * 1000);

/**
 * The one place wavesurfer.js is used: a waveform from precomputed peaks over an `<audio>` element
 * that streams the file, with regions for segments and a time ruler. Everything else (what a
 * region means, what may move where) is decided by the screen through the callbacks.
 */
export function Waveform({
  src,
  waveform,
  label,
  store,
  playerRef,
  regions = [],
  editable = false,
  height = 128,
  ...callbacks
}: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const regionsRef = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const rulerRef = useRef<HTMLCanvasElement>(null);
  const shownRef = useRef(new Map<string, RegionView>());
  const callbacksRef = useRef<Callbacks>(callbacks);
  const viewsRef = useRef(regions);
  // Outlives the wavesurfer instance: a rebuilt waveform keeps looping the same segment.
  const loopRef = useRef<LoopRange | null>(null);
  useLayoutEffect(() => {
    callbacksRef.current = callbacks;
    viewsRef.current = regions;
  });

  useEffect(() => {
    const container = containerRef.current;
    const media = audioRef.current;
    if (!container || !media) return;
    const plugin = RegionsPlugin.create();
    const wavesurfer = WaveSurfer.create({
      container,
      media,
      peaks: waveform.channels,
      duration: waveform.durationSeconds,
      height,
      waveColor: '#5b6b82',
      progressColor: '#1d4ed8',
      cursorColor: '#b91c1c',
      cursorWidth: 2,
      minPxPerSec: 0,
      fillParent: true,
      normalize: true,
      autoScroll: true,
      autoCenter: true,
      dragToSeek: false,
      plugins: [plugin],
    });
    regionsRef.current = plugin;
    shownRef.current = new Map();
    store.set({ ready: false, playing: false, time: 0, duration: waveform.durationSeconds, error: null });

    let lastTime = 0;
    const player = createWavePlayer(wavesurfer, store, loopRef, waveform.durationSeconds);
    const duration = player.duration;
    playerRef.current = player;

    const subscriptions = [
      wavesurfer.on('ready', () => {
        store.set({ ready: true, duration: duration() });
        const { zoom, rate } = store.get();
        if (zoom > 0) wavesurfer.zoom(zoom);
        if (rate !== 1) wavesurfer.setPlaybackRate(rate, true);
      }),
      wavesurfer.on('play', () => store.set({ playing: true })),
      wavesurfer.on('pause', () => store.set({ playing: false, time: wavesurfer.getCurrentTime() })),
      wavesurfer.on('finish', () => {
        store.set({ playing: false });
        callbacksRef.current.onFinish?.();
      }),
      wavesurfer.on('timeupdate', (time) => {
        player.onTime(time);
        if (Math.abs(time - lastTime) >= 0.1 || !wavesurfer.isPlaying()) {
          lastTime = time;
          store.set({ time });
        }
      }),
      wavesurfer.on('error', (error) => store.set({ error: error.message })),
      plugin.on('region-update', (region, side) =>
        callbacksRef.current.onRegionChange?.({
          id: region.id,
          startMs: ms(region.start),
          endMs: ms(region.end),
          side: side ?? 'move',
          done: false,
        }),
      ),
      plugin.on('region-updated', (region, side) =>
        callbacksRef.current.onRegionChange?.({
          id: region.id,
          startMs: ms(region.start),
          endMs: ms(region.end),
          side: side ?? 'move',
          done: true,
        }),
      ),
      plugin.on('region-clicked', (region) => callbacksRef.current.onRegionSelect?.(region.id)),
      plugin.on('region-created', (region) => {
        // A region the HITer drew: the screen decides whether (and where) it becomes a segment.
        if (viewsRef.current.some((view) => view.id === region.id)) return;
        const [start, end] = [ms(region.start), ms(region.end)];
        region.remove();
        callbacksRef.current.onRegionCreate?.(start, end);
      }),
    ];
    const ruler = rulerRef.current;
    const redrawRuler = () => {
      if (ruler) drawRuler(ruler, wavesurfer, duration());
    };
    for (const event of ['ready', 'redraw', 'scroll', 'zoom', 'resize'] as const) {
      subscriptions.push(wavesurfer.on(event, redrawRuler));
    }
    shownRef.current = syncRegions(plugin, viewsRef.current, shownRef.current, editable);
    const stopDrawing = editable
      ? plugin.enableDragSelection({ color: 'rgba(29, 78, 216, 0.25)' }, 4)
      : () => {};
    const onMediaError = () =>
      store.set({ error: media.error?.message || `media error ${media.error?.code ?? ''}` });
    media.addEventListener('error', onMediaError);

    return () => {
      media.removeEventListener('error', onMediaError);
      stopDrawing();
      for (const unsubscribe of subscriptions) unsubscribe();
      if (playerRef.current === player) playerRef.current = null;
      regionsRef.current = null;
      wavesurfer.destroy();
    };
  }, [src, waveform, height, editable, store, playerRef]);

  // Regions follow the document; synchronously, so a region dragged past a neighbour snaps back
  // in the same frame.
  useLayoutEffect(() => {
    const plugin = regionsRef.current;
    if (!plugin) return;
    shownRef.current = syncRegions(plugin, regions, shownRef.current, editable);
  });

  return (
    <div className="waveform" role="group" aria-label={label}>
      <div
        ref={containerRef}
        className="waveform-canvas"
        style={{ '--waveform-height': `${height}px` } as CSSProperties}
      />
      <canvas ref={rulerRef} className="waveform-ruler" aria-hidden="true" />
      <audio ref={audioRef} src={src} preload="metadata" />
    </div>
  );
}
