import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Where media files live, content-addressed by sha256. The queue only ever adds files (under their
 * hash, so the same bytes are stored once) and reads them back; it never changes one in place.
 */
export type MediaStore = {
  /** Size in bytes, or null when the file is not stored. */
  size(sha256: string): Promise<number | null>;
  /** A fresh path on the store's own disk for a file being received (renamed into place later). */
  tempPath(): Promise<string>;
  /** A stable path on the store's disk for a file received over several requests (uploads). */
  stagingPath(name: string): Promise<string>;
  /** Moves a complete, verified file into place (atomically); the temp file is gone afterwards. */
  commitFile(sha256: string, tempPath: string): Promise<void>;
  /** Stores small bytes (thumbnails, peaks) under their hash, atomically. */
  putBytes(sha256: string, bytes: Uint8Array): Promise<void>;
  /** Streams the file, or `start..end` (inclusive) of it. */
  read(sha256: string, range?: { start: number; end: number }): ReadStream;
  /** The local path of a stored file (for decoders that want the whole file). */
  pathOf(sha256: string): string;
};

/**
 * The default store: a local folder, `<root>/ab/cd/<sha256>`, so no directory holds more than a
 * few thousand files. Files arrive in `<root>/tmp/` and are renamed into place after an fsync, so a
 * crash never leaves a half-written file under a hash.
 */
export function localMediaStore(rootDir: string): MediaStore {
  const root = resolve(rootDir);
  const tmp = join(root, 'tmp');
  const pathOf = (sha256: string) => {
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  let tmpReady: Promise<unknown> | null = null;

  const stagingPath = async (name: string) => {
    if (!/^[\w.-]{1,100}$/.test(name) || name.startsWith('.')) throw new Error(`bad staging name: ${name}`);
    tmpReady ??= mkdir(tmp, { recursive: true });
    await tmpReady;
    return join(tmp, name);
  };
  const tempPath = () => stagingPath(`${Date.now()}-${randomBytes(8).toString('hex')}.part`);

  const commitFile = async (sha256: string, temp: string) => {
    const target = pathOf(sha256);
    if ((await sizeOf(target)) !== null) {
      await rm(temp, { force: true }); // the same bytes are already there
      return;
    }
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await mkdir(join(target, '..'), { recursive: true });
    await rename(temp, target);
  };

  return {
    size: (sha256) => sizeOf(pathOf(sha256)),
    tempPath,
    stagingPath,
    commitFile,
    async putBytes(sha256, bytes) {
      if ((await sizeOf(pathOf(sha256))) !== null) return;
      const temp = await tempPath();
      await writeFile(temp, bytes);
      await commitFile(sha256, temp);
    },
    read: (sha256, range) =>
      createReadStream(pathOf(sha256), range ? { start: range.start, end: range.end } : {}),
    pathOf,
  };
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
