import { describe, expect, it } from 'vitest';
import { readImageHeader } from './image-header';
import { sniffMediaType, unsupportedMediaMessage } from './sniff';

/** The first bytes of a PNG: signature, then the IHDR chunk with its size. */
function pngHead(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

/** A minimal JPEG start with an EXIF orientation before the frame header. */
function jpegWithOrientation(orientation: number, width: number, height: number): Uint8Array {
  const exif = [
    0x45,
    0x78,
    0x69,
    0x66,
    0,
    0, // "Exif\0\0"
    0x4d,
    0x4d,
    0,
    0x2a,
    0,
    0,
    0,
    8, // big-endian TIFF, IFD at 8
    0,
    1, // one entry
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    0,
    orientation,
    0,
    0, // orientation, SHORT, count 1
    0,
    0,
    0,
    0,
  ];
  const app1 = [0xff, 0xe1, 0, exif.length + 2, ...exif];
  const sof = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0];
  return new Uint8Array([0xff, 0xd8, ...app1, ...sof]);
}

describe('readImageHeader', () => {
  it('reads PNG and JPEG sizes from the first bytes', () => {
    expect(readImageHeader(pngHead(451, 300))).toMatchObject({ mime: 'image/png', width: 451, height: 300 });
    const jfif = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 0, 72, 0, 72, 0, 0];
    const sof = [0xff, 0xc2, 0, 11, 8, 427 >> 8, 427 & 255, 640 >> 8, 640 & 255, 1, 1, 0x11, 0];
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, ...jfif, ...sof]))).toMatchObject({
      mime: 'image/jpeg',
      width: 640,
      height: 427,
      orientation: 1,
    });
  });

  it('turns the size of a JPEG whose EXIF says it is rotated', () => {
    expect(readImageHeader(jpegWithOrientation(6, 400, 300))).toMatchObject({
      width: 300,
      height: 400,
      storedWidth: 400,
      orientation: 6,
    });
    expect(readImageHeader(jpegWithOrientation(3, 400, 300))).toMatchObject({
      width: 400,
      height: 300,
      orientation: 3,
    });
  });

  it('answers null for other files and names damage', () => {
    expect(readImageHeader(new TextEncoder().encode('GIF89a...............'))).toBeNull();
    expect(() => readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xd9, 0, 0]))).toThrow(/no frame header/);
  });
});

describe('sniffMediaType', () => {
  it('recognises what HITdesk reads and names what it does not, with the way out', () => {
    expect(sniffMediaType(pngHead(1, 1))).toMatchObject({ mime: 'image/png', supported: true });
    expect(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0, 0, 0, 0, 0, 0]))).toMatchObject({
      mime: 'image/jpeg',
      supported: true,
    });
    const mp3 = sniffMediaType(new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(mp3).toMatchObject({ mime: 'audio/mpeg', supported: true });
    // Ogg: the codec is read from the first packet, after the page header and its segment table.
    const oggPage = (packet: string) =>
      new Uint8Array([
        ...new TextEncoder().encode('OggS'),
        ...new Array<number>(22).fill(0),
        1, // one segment, of 19 bytes
        19,
        ...new TextEncoder().encode(packet),
      ]);
    expect(sniffMediaType(oggPage('OpusHead'))).toMatchObject({
      mime: 'audio/ogg',
      supported: true,
      codec: 'opus',
    });
    expect(sniffMediaType(oggPage('\x01vorbis'))).toMatchObject({ supported: true, codec: 'vorbis' });
    const speex = sniffMediaType(oggPage('Speex   '));
    expect(speex).toMatchObject({ mime: 'audio/ogg', supported: false });
    expect(unsupportedMediaMessage(speex)).toMatch(
      /^Ogg \(neither Vorbis nor Opus\) files are not supported yet: convert it/,
    );
    const m4a = sniffMediaType(new TextEncoder().encode('\0\0\0\x20ftypM4A \0\0\0\0'));
    expect(unsupportedMediaMessage(m4a)).toMatch(/^MP4\/M4A files .* e\.g\. `ffmpeg -i in\.m4a out\.mp3`/);
    expect(
      unsupportedMediaMessage(sniffMediaType(new TextEncoder().encode('hello world, plain text'))),
    ).toMatch(/unrecognised/);
  });
});
