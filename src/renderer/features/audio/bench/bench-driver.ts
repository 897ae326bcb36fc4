/**
 * What bench/audio.ts runs inside the page (Node has no DOM types). Input is dispatched as
 * pointer events to wavesurfer's own elements, so a drag takes the production path: the regions
 * plugin, the screen's rules (a region stops at its neighbour), the editor, React and the list.
 *
 * A frame's time is the main thread's whole work for one frame of input: the event, then style,
 * layout and paint of that frame (measured up to a task posted from the frame's animation
 * callback, which runs once the frame is rendered).
 */
export type BenchDriver = {
  mount(): Promise<{ readyMs: number }>;
  drag(segmentId: string, part: 'end' | 'body', frames: number): Promise<number[]>;
  seek(targets: number[]): Promise<number[]>;
};

const frame = (work: () => void) =>
  new Promise<number>((done) =>
    requestAnimationFrame(() => {
      const started = performance.now();
      work();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now() - started);
      channel.port2.postMessage(null);
    }),
  );

const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

function waveformShadow(): ShadowRoot {
  const host = document.querySelector('.waveform-canvas > div');
  if (!host?.shadowRoot) throw new Error('the waveform is not drawn');
  return host.shadowRoot;
}

function pointer(target: EventTarget, type: string, x: number, y: number) {
  target.dispatchEvent(
    new PointerEvent(type, {
      pointerId: 11,
      pointerType: 'mouse',
      isPrimary: true,
      button: 0,
      buttons: type === 'pointerup' ? 0 : 1,
      clientX: x,
      clientY: y,
      bubbles: true,
      composed: true,
      cancelable: true,
    }),
  );
}

export function createBenchDriver(mountWorkspace: () => void): BenchDriver {
  return {
    async mount() {
      const started = performance.now();
      mountWorkspace();
      // Ready: the waveform is drawn from the peaks and the player can play.
      while (
        !document.querySelector('.play-button:not([disabled])') ||
        !document.querySelector('.waveform-canvas > div')
      ) {
        await nextFrame();
      }
      await nextFrame();
      await nextFrame();
      return { readyMs: performance.now() - started };
    },

    async drag(segmentId, part, frames) {
      const region = waveformShadow().querySelector<HTMLElement>(`[part~="${segmentId}"]`);
      if (!region) throw new Error(`region ${segmentId} is not in view`);
      const target =
        part === 'end' ? region.querySelector<HTMLElement>('[part~="region-handle-right"]') : region;
      if (!target) throw new Error('no handle');
      const box = target.getBoundingClientRect();
      let x = part === 'end' ? box.left + 3 : box.left + box.width / 2;
      const y = box.top + box.height / 2;
      pointer(target, 'pointerdown', x, y);
      const times: number[] = [];
      for (let i = 0; i < frames; i += 1) {
        // Out towards the next segment (where the rules stop it), then back.
        x += i < frames / 2 ? 3 : -3;
        times.push(await frame(() => pointer(window, 'pointermove', x, y)));
      }
      pointer(window, 'pointerup', x, y);
      await nextFrame();
      return times;
    },

    async seek(targets) {
      const slider = document.querySelector<HTMLInputElement>('.player-position input');
      const audio = document.querySelector<HTMLAudioElement>('.waveform audio');
      if (!slider || !audio) throw new Error('no player');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const times: number[] = [];
      for (const seconds of targets) {
        const started = performance.now();
        const arrived = new Promise<void>((done) => {
          const check = () => {
            if (!audio.seeking && audio.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) {
              audio.removeEventListener('seeked', check);
              audio.removeEventListener('canplay', check);
              done();
            }
          };
          audio.addEventListener('seeked', check);
          audio.addEventListener('canplay', check);
        });
        // Through the position slider, as a HITer (or a screen reader) seeks.
        setValue.call(slider, String(seconds));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await arrived;
        times.push(performance.now() - started);
        await nextFrame();
      }
      return times;
    },
  };
}
