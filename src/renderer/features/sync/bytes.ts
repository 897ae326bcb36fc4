/**
 * File sizes in the HITer's language: "0.4 kB", "12 MB", "1,2 Go". Decimal units, as disks are sold;
 * never plain bytes (a unit few people know, and "0 byte" reads oddly).
 */
export function formatBytes(locale: string, bytes: number): string {
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = Math.max(0, bytes) / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** A whole percentage for progress bars, never 100 before the end. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 100;
  const percent = Math.floor((Math.min(done, total) / total) * 100);
  return done < total ? Math.min(percent, 99) : 100;
}
