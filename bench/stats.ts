/** The statistics the benchmarks print. */
/** The p-th percentile (p in 0–100) by nearest rank; 0 for no values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const round1 = (value: number) => Math.round(value * 10) / 10;
