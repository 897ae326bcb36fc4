import type { RecorderError } from '../editor/audio/recorder-machine';
import { concatSamples } from '../editor/audio/wav';
import workletUrl from './capture-worklet?worker&url';

/**
 * The microphone, open for one prompt's takes: captures mono PCM at the project's sample rate (the
 * browser resamples the device), keeps what comes between `startTake` and `stopTake`, and gives a
 * live level for the meter. Echo cancellation, noise suppression and automatic gain are off: the
 * recording must be the voice as it is, and the checks must see its real level.
 */
export type Microphone = {
  sampleRate: number;
  /** RMS level of the last few milliseconds, dBFS (-Infinity in silence). */
  level(): number;
  startTake(): void;
  /** The samples since `startTake`. */
  stopTake(): Float32Array;
  close(): void;
};

export class MicrophoneError extends Error {
  constructor(
    readonly reason: RecorderError,
    message: string,
  ) {
    super(message);
    this.name = 'MicrophoneError';
  }
}

function reasonOf(error: unknown): RecorderError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError')
    return 'no_device';
  return 'capture_failed';
}

export async function openMicrophone(sampleRate: number): Promise<Microphone> {
  if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === 'undefined') {
    throw new MicrophoneError('unsupported', 'this browser cannot record');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      video: false,
    });
  } catch (error) {
    throw new MicrophoneError(reasonOf(error), error instanceof Error ? error.message : String(error));
  }
  const context = new AudioContext({ sampleRate, latencyHint: 'interactive' });
  try {
    await context.audioWorklet.addModule(workletUrl);
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, 'hitdesk-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: 'explicit',
    });
    // A silent path to the output keeps the graph pulling samples through the capture node.
    const mute = context.createGain();
    mute.gain.value = 0;
    source.connect(node).connect(mute).connect(context.destination);
    if (context.state !== 'running') await context.resume();

    let chunks: Float32Array[] | null = null;
    let level = -Infinity;
    node.port.onmessage = (event: MessageEvent<Float32Array>) => {
      const samples = event.data;
      let sum = 0;
      for (let i = 0; i < samples.length; i += 1) sum += samples[i]! * samples[i]!;
      level = 10 * Math.log10(sum / samples.length);
      chunks?.push(samples);
    };
    return {
      sampleRate: context.sampleRate,
      level: () => level,
      startTake: () => {
        chunks = [];
      },
      stopTake: () => {
        const taken = concatSamples(chunks ?? []);
        chunks = null;
        return taken;
      },
      close: () => {
        node.port.onmessage = null;
        source.disconnect();
        node.disconnect();
        for (const track of stream.getTracks()) track.stop();
        void context.close();
      },
    };
  } catch (error) {
    for (const track of stream.getTracks()) track.stop();
    void context.close();
    throw new MicrophoneError('capture_failed', error instanceof Error ? error.message : String(error));
  }
}
