/**
 * Runs on the audio thread (AudioWorkletGlobalScope): hands the microphone's samples to the page
 * in small batches, so capture never stutters when the page is busy. Loaded by `microphone.ts`.
 */
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

/** Frames per message: 1,024 (64 ms at 16 kHz) keeps messages few and the level meter lively. */
const BATCH = 1024;

class CaptureProcessor extends AudioWorkletProcessor {
  private batch = new Float32Array(BATCH);
  private filled = 0;

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (channel) {
      let offset = 0;
      while (offset < channel.length) {
        const count = Math.min(channel.length - offset, BATCH - this.filled);
        this.batch.set(channel.subarray(offset, offset + count), this.filled);
        this.filled += count;
        offset += count;
        if (this.filled === BATCH) {
          this.port.postMessage(this.batch, [this.batch.buffer]);
          this.batch = new Float32Array(BATCH);
          this.filled = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('hitdesk-capture', CaptureProcessor);
