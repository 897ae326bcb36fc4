import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { MediaRef } from '../../shared/domain/media';
import { MediaFormatError } from '../../shared/media/errors';
import { findMedia, ingestPath, type MediaLibrary } from '../media/ingest';

/** A media field that cannot be resolved; the message names what to do. */
export class MediaFieldError extends Error {}

export type ResolvedMedia = { ref: MediaRef; name: string | null };

/**
 * Turns what an import file puts in a media field into a stored `MediaRef`:
 * - `"photos/cat.png"`: a file inside the import's media folder (never outside it), stored now;
 * - `"sha256:<hex>"`: a file the queue already holds (uploaded with POST /v1/media);
 * - a MediaRef object: checked against the stored file and replaced by the queue's own description.
 */
export function mediaResolver(library: MediaLibrary, folder: string | null, createdBy: string | null = null) {
  const root = folder ? resolve(folder) : null;
  let realRoot: Promise<string> | null = null;
  const cache = new Map<string, Promise<ResolvedMedia>>();

  async function byHash(sha256: string): Promise<ResolvedMedia> {
    const ref = await findMedia(library.db, sha256);
    if (!ref) throw new MediaFieldError(`no media file with sha256 ${sha256} on the queue: upload it first`);
    return { ref, name: null };
  }

  async function byPath(name: string): Promise<ResolvedMedia> {
    if (!root) {
      throw new MediaFieldError(
        `"${name}" is a file name: give the folder it is in (import --media-dir <folder>), or upload it and write sha256:<hex>`,
      );
    }
    if (isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
      throw new MediaFieldError(
        `"${name}" must be a path inside the media folder (no absolute path, no "..")`,
      );
    }
    const target = resolve(root, name);
    let real: string;
    try {
      realRoot ??= realpath(root);
      real = await realpath(target);
      const base = await realRoot;
      if (real !== base && !real.startsWith(base + sep)) {
        throw new MediaFieldError(`"${name}" leads outside the media folder`);
      }
      if (!(await stat(real)).isFile()) throw new MediaFieldError(`"${name}" is not a file`);
    } catch (error) {
      if (error instanceof MediaFieldError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new MediaFieldError(`no file "${name}" in the media folder ${root}`);
      }
      throw error;
    }
    try {
      return {
        ref: await ingestPath(library, real, createdBy),
        name: relative(root, target).split(sep).join('/'),
      };
    } catch (error) {
      if (error instanceof MediaFormatError) throw new MediaFieldError(`"${name}": ${error.message}`);
      throw error;
    }
  }

  return {
    /** Resolves one field value; the same value is resolved (and stored) once per import. */
    resolve(value: unknown): Promise<ResolvedMedia> | null {
      let key: string;
      if (typeof value === 'string') key = value.trim();
      else if (
        value !== null &&
        typeof value === 'object' &&
        typeof (value as { sha256?: unknown }).sha256 === 'string'
      ) {
        key = `sha256:${(value as { sha256: string }).sha256}`;
      } else return null;
      let pending = cache.get(key);
      if (!pending) {
        const hash = /^sha256:([a-f0-9]{64})$/.exec(key);
        if (hash) pending = byHash(hash[1] as string);
        else if (key.startsWith('sha256:'))
          pending = Promise.reject(new MediaFieldError('a sha256 is 64 lower-case hex characters'));
        else pending = byPath(key);
        cache.set(key, pending);
      }
      return pending;
    },
  };
}

export type MediaResolverOf = ReturnType<typeof mediaResolver>;
