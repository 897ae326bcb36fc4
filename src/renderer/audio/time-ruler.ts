import type WaveSurfer from 'wavesurfer.js';
import { ticksFor } from '../editor/audio/timeline';

/**
 * Draws the time ruler under the waveform for the visible stretch only (a canvas, redrawn on
 * scroll and zoom): wavesurfer's own timeline plugin builds one DOM node per tick of the whole
 * file, tens of thousands on an hour zoomed in.
 */
export function drawRuler(canvas: HTMLCanvasElement, wavesurfer: WaveSurfer, durationSeconds: number): void {
  const width = wavesurfer.getWidth();
  const height = canvas.clientHeight || 20;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  canvas.style.width = `${width}px`;
  const context = canvas.getContext('2d');
  if (!context || !(durationSeconds > 0) || width <= 0) return;
  const pxPerSec = Math.max(wavesurfer.getWrapper().scrollWidth, width) / durationSeconds;
  const left = wavesurfer.getScroll() / pxPerSec;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  context.fillStyle = '#4a5261';
  context.strokeStyle = '#8a93a3';
  context.font = '11px system-ui, sans-serif';
  context.textBaseline = 'top';
  context.beginPath();
  for (const tick of ticksFor(left, left + width / pxPerSec, pxPerSec, durationSeconds)) {
    const x = Math.round((tick.seconds - left) * pxPerSec) + 0.5;
    context.moveTo(x, 0);
    context.lineTo(x, tick.label === null ? 4 : 8);
    if (tick.label !== null) context.fillText(tick.label, x + 3, 7);
  }
  context.stroke();
}
