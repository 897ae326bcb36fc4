import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Schema } from '../../../shared/domain/media';

/**
 * One profile's media folder: `<profile>/media/<sha256>` for complete, verified files, and
 * `<profile>/media/partial/` for downloads under way and writes not yet renamed into place. A file
 * appears under its final name only once complete, verified and synced to disk.
 */
export class MediaFiles {
  readonly partialDir: string;

  constructor(readonly root: string) {
    this.partialDir = join(root, 'partial');
    mkdirSync(this.partialDir, { recursive: true });
  }

  /** The path of a complete file; the hash is checked first, so no path can leave the folder. */
  pathOf(sha256: string): string {
    assertSha(sha256);
    return join(this.root, sha256);
  }

  partialPathOf(sha256: string): string {
    assertSha(sha256);
    return join(this.partialDir, `${sha256}.part`);
  }

  async has(sha256: string): Promise<boolean> {
    return (await sizeOf(this.pathOf(sha256))) !== null;
  }

  /** Bytes of a download under way (0 when none). */
  async partialSize(sha256: string): Promise<number> {
    return (await sizeOf(this.partialPathOf(sha256))) ?? 0;
  }

  /**
   * Stores bytes made here (a recording) under their sha256: written beside, synced, renamed into
   * place, so a crash leaves either the whole file or none of it.
   */
  async storeBytes(data: Uint8Array): Promise<{ sha256: string; bytes: number }> {
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (!(await this.has(sha256))) {
      const temp = join(this.partialDir, `${sha256}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.commit(temp, sha256);
    }
    return { sha256, bytes: data.byteLength };
  }

  /** Moves a complete, verified, synced file into place under its hash. */
  async commit(from: string, sha256: string): Promise<void> {
    await rename(from, this.pathOf(sha256));
    await syncDirectory(this.root);
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
    await rm(this.partialPathOf(sha256), { force: true });
  }

  /** Leftovers of writes a crash interrupted (never downloads, which resume). */
  async removeStrayTemps(): Promise<void> {
    for (const name of await readdir(this.partialDir)) {
      if (name.endsWith('.tmp')) await rm(join(this.partialDir, name), { force: true });
    }
  }
}

export function assertSha(sha256: string): void {
  if (!sha256Schema.safeParse(sha256).success) throw new Error(`"${sha256}" is not a sha256`);
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

/** Makes a rename durable (POSIX); Windows cannot open a folder for syncing and does not need to. */
export async function syncDirectory(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
