import { statfs } from 'node:fs/promises';

/** Default share of a laptop's disk one profile's media may use. */
export const DEFAULT_MEDIA_BUDGET_BYTES = 4_000_000_000;
/** Always left free on the disk, whatever the budget says (the OS and other programs need room). */
export const DISK_RESERVE_BYTES = 512 * 1024 ** 2;
const FREE_SPACE_TTL_MS = 10_000;

/**
 * How much media one profile may keep: its budget, shrunk to what the disk still has free
 * (keeping a reserve), so a batch never fills a shared laptop's disk.
 */
export class StorageBudget {
  private free: { bytes: number; at: number } | null = null;

  constructor(
    private readonly folder: string,
    private readonly usedBytes: () => number,
    private readonly configured: () => number = () => DEFAULT_MEDIA_BUDGET_BYTES,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Re-reads the free space (at most every few seconds). */
  async refresh(force = false): Promise<void> {
    if (!force && this.free && this.clock() - this.free.at < FREE_SPACE_TTL_MS) return;
    try {
      const info = await statfs(this.folder);
      this.free = { bytes: info.bavail * info.bsize, at: this.clock() };
    } catch {
      this.free = null;
    }
  }

  budgetBytes(): number {
    const used = this.usedBytes();
    const disk = this.free === null ? Number.POSITIVE_INFINITY : used + this.free.bytes - DISK_RESERVE_BYTES;
    return Math.max(0, Math.min(this.configured(), disk));
  }

  fits(bytes: number, alsoComing = 0): boolean {
    return this.usedBytes() + alsoComing + bytes <= this.budgetBytes();
  }

  view(): { usedBytes: number; budgetBytes: number } {
    return { usedBytes: this.usedBytes(), budgetBytes: Math.floor(this.budgetBytes()) };
  }
}
