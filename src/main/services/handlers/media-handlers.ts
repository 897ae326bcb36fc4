import type { BridgeHandlers } from '../../../shared/bridge/contract';
import { BridgeError } from '../../../shared/bridge/errors';
import { sha256Schema, type WaveformPeaks } from '../../../shared/domain/media';
import { computeLocalPeaks } from '../media/local-peaks';
import { mediaNotFound, mediaReply, type MediaReply } from '../media/media-reply';
import type { WorkstationContext } from './context';

/** A recording of the longest task the audio kinds allow (10 minutes of 48 kHz 16-bit stereo) fits. */
export const MAX_LOCAL_MEDIA_BYTES = 128 * 1024 * 1024;

const STORABLE = /^(audio|image|video)\/[\w.+-]+$/;

/** Peaks worked out this run, by audio sha256 (a few recent files: the renderer asks again on reopen). */
const PEAKS_KEPT = 8;

export function mediaHandlers(
  context: WorkstationContext,
): Pick<BridgeHandlers, 'media.store' | 'media.peaks'> {
  const peaksKept = new Map<string, Promise<WaveformPeaks | null>>();
  return {
    'media.peaks': async ({ sha256 }) => {
      const { store, files } = context.sessions.require();
      const row = store.media.get(sha256);
      if (!row || row.state !== 'ready') {
        throw new BridgeError('invalid_input', `no media file ${sha256} on this laptop`, 'sha256');
      }
      // Only WAV is read here (recordings are WAV); an unknown type is tried, the header decides.
      if (row.mime && !/^audio\/(wav|wave|x-wav|vnd\.wave)$/.test(row.mime)) return { peaks: null };
      let job = peaksKept.get(sha256);
      if (!job) {
        job = computeLocalPeaks(files.pathOf(sha256)).catch((error: unknown) => {
          console.warn(`[media] no peaks for ${sha256}:`, error);
          peaksKept.delete(sha256);
          return null;
        });
        peaksKept.set(sha256, job);
        if (peaksKept.size > PEAKS_KEPT) peaksKept.delete(peaksKept.keys().next().value ?? '');
      }
      return { peaks: await job };
    },
    'media.store': async ({ mime, base64 }) => {
      const { store, files } = context.sessions.require();
      if (!STORABLE.test(mime)) {
        throw new BridgeError(
          'invalid_input',
          `only audio, image or video files can be stored, not ${mime}`,
          'mime',
        );
      }
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
        throw new BridgeError('invalid_input', 'the file is not valid base64', 'base64');
      }
      const data = Buffer.from(base64, 'base64');
      if (data.byteLength > MAX_LOCAL_MEDIA_BYTES) {
        throw new BridgeError(
          'invalid_input',
          `the file is ${data.byteLength} bytes; at most ${MAX_LOCAL_MEDIA_BYTES} can be stored`,
          'base64',
        );
      }
      const stored = await files.storeBytes(data);
      store.media.addLocal(stored.sha256, mime, stored.bytes);
      return stored;
    },
  };
}

/**
 * `GET /media/<sha256>` for both transports: a file of the signed-in profile's cache, with Range.
 * Anything else — a path that is not exactly a hash, a file not (yet) complete here, nobody signed
 * in, a file only another profile holds — is the same 404.
 */
export async function serveMedia(
  context: WorkstationContext,
  path: string,
  request: { method: string; range: string | undefined },
): Promise<MediaReply> {
  const match = /^\/media\/([^/]+)$/.exec(path);
  const sha256 = match?.[1];
  if (!sha256 || !sha256Schema.safeParse(sha256).success) return mediaNotFound();
  if (request.method !== 'GET' && request.method !== 'HEAD') return mediaNotFound();
  const active = context.sessions.current();
  if (!active) return mediaNotFound();
  const row = active.store.media.get(sha256);
  if (!row || row.state !== 'ready') return mediaNotFound();
  return mediaReply(active.files.pathOf(sha256), sha256, row.mime, request);
}
