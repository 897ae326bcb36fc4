/** The statistics the benchmarks print. */
/** The p-th percentile (p in 0–100) by nearest rank; 0 for no values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The bench's last line with the targets it missed named (`targets_missed`, `targets_met`); a missed
 * target also sets the exit status to 1, so a script running the bench sees it.
 */
export function withTargets<Line extends object>(line: Line, targets: Record<string, boolean>) {
  const missed = Object.keys(targets).filter((name) => !targets[name]);
  if (missed.length > 0) {
    process.stderr.write(`targets missed: ${missed.join(', ')}\n`);
    process.exitCode = 1;
  }
  return { ...line, targets_missed: missed, targets_met: missed.length === 0 };
}
