import { MediaFormatError } from './errors';

export type ImageHeader = {
  mime: 'image/png' | 'image/jpeg';
  /** Size in pixels as the image is displayed (JPEG EXIF rotations of 90° swap width and height). */
  width: number;
  height: number;
  /** Size as the pixels are stored. */
  storedWidth: number;
  storedHeight: number;
  /** EXIF orientation 1–8 (1: as stored). Browsers apply it when they draw the image. */
  orientation: number;
};

/**
 * Reads the size of a PNG or JPEG from its first bytes, without decoding it. For JPEG, `head`
 * must reach the frame header (after any EXIF block; 256 KiB covers real files). Returns null
 * when the file is neither; throws `MediaFormatError` when it is one but damaged.
 */
export function readImageHeader(head: Uint8Array): ImageHeader | null {
  if (head.length >= 24 && head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) {
    return readPng(head);
  }
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8) return readJpeg(head);
  return null;
}

function readPng(head: Uint8Array): ImageHeader {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const chunk = String.fromCharCode(head[12] ?? 0, head[13] ?? 0, head[14] ?? 0, head[15] ?? 0);
  if (chunk !== 'IHDR') throw new MediaFormatError('damaged PNG: the IHDR chunk is missing');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) throw new MediaFormatError('damaged PNG: zero width or height');
  return { mime: 'image/png', width, height, storedWidth: width, storedHeight: height, orientation: 1 };
}

/** Start-of-frame markers: baseline, progressive, lossless, arithmetic (not DHT C4, JPG C8, DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpeg(head: Uint8Array): ImageHeader {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let offset = 2;
  let orientation = 1;
  while (offset + 4 <= head.length) {
    if (head[offset] !== 0xff) throw new MediaFormatError('damaged JPEG: a marker was expected');
    const marker = head[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) break; // end of image before any frame header
    const length = view.getUint16(offset + 2);
    if (length < 2) throw new MediaFormatError('damaged JPEG: a segment has a bad length');
    const body = offset + 4;
    if (marker === 0xe1) orientation = readExifOrientation(head, body, length - 2) ?? orientation;
    if (SOF.has(marker)) {
      if (body + 5 > head.length) break;
      const storedHeight = view.getUint16(body + 1);
      const storedWidth = view.getUint16(body + 3);
      if (storedWidth === 0 || storedHeight === 0)
        throw new MediaFormatError('JPEG without a height in its frame header (DNL) is not supported');
      const turned = orientation >= 5 && orientation <= 8;
      return {
        mime: 'image/jpeg',
        width: turned ? storedHeight : storedWidth,
        height: turned ? storedWidth : storedHeight,
        storedWidth,
        storedHeight,
        orientation,
      };
    }
    if (marker === 0xda) break; // start of scan: no frame header came before it
    offset = body + length - 2;
  }
  throw new MediaFormatError('damaged JPEG: no frame header found (the file may be cut short)');
}

/** The orientation tag (0x0112) of an APP1 EXIF segment, if any. */
function readExifOrientation(bytes: Uint8Array, start: number, length: number): number | null {
  const end = Math.min(bytes.length, start + length);
  if (end - start < 14) return null;
  const tag = String.fromCharCode(...bytes.subarray(start, start + 4));
  if (tag !== 'Exif' || bytes[start + 4] !== 0 || bytes[start + 5] !== 0) return null;
  const tiff = start + 6;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[tiff] ?? 0, bytes[tiff + 1] ?? 0);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  if (tiff + 8 > end) return null;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return null;
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}
