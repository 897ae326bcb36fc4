import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'queue.lock';

type LockInfo = { pid: number; hostname: string; startedAt: string; token: string };

export type DataDirLock = { path: string; release(): void };

export class DataDirBusyError extends Error {
  constructor(dir: string, holder: LockInfo | null) {
    const who = holder ? ` (pid ${holder.pid} on ${holder.hostname}, since ${holder.startedAt})` : '';
    super(`another HITdesk queue server is using ${dir}${who}: stop it first, or use another data folder`);
    this.name = 'DataDirBusyError';
  }
}

/**
 * PGlite is one process's database: two processes writing the same folder would corrupt it. The
 * lock file is created atomically with its content (write a private file, then hard-link it into
 * place: the link fails if a lock exists). A lock left by a process that died is removed.
 */
export function acquireDataDirLock(dir: string): DataDirLock {
  const path = join(dir, LOCK_FILE_NAME);
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(path, info)) return heldLock(path, info.token);
    const holder = readLock(path);
    if (holder && isAlive(holder)) throw new DataDirBusyError(dir, holder);
    // Stale (its process is gone) or unreadable (a crash mid-write cannot happen with link(), so it
    // was damaged by hand): remove it and try once more.
    removeQuietly(path);
  }
  throw new DataDirBusyError(dir, readLock(path));
}

function tryCreate(path: string, info: LockInfo): boolean {
  const temporary = `${path}.${info.token}.tmp`;
  writeFileSync(temporary, JSON.stringify(info));
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    removeQuietly(temporary);
  }
}

function heldLock(path: string, token: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    // Only remove our own lock, never one another process took after ours was judged stale.
    if (readLock(path)?.token === token) removeQuietly(path);
  };
  process.on('exit', release);
  return { path, release };
}

function readLock(path: string): LockInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number' || typeof parsed.token !== 'string') return null;
    return {
      pid: parsed.pid,
      hostname: String(parsed.hostname ?? 'unknown host'),
      startedAt: String(parsed.startedAt ?? 'an unknown time'),
      token: parsed.token,
    };
  } catch {
    return null;
  }
}

function isAlive(holder: LockInfo): boolean {
  // A lock from another machine (a shared folder) cannot be checked: assume it is held.
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
