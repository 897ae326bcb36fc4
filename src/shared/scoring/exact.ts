/** Exact comparisons for choices: classes, decisions, verdicts, form values. */

/** Jaccard similarity of two sets of codes (both empty: 1). */
export function setAgreement(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 && right.size === 0) return 1;
  let common = 0;
  for (const value of left) if (right.has(value)) common += 1;
  return common / (left.size + right.size - common);
}

/**
 * Whether two form values mean the same: text ignoring case, accents' composition and surrounding
 * or repeated spaces; numbers equal; lists as sets; booleans and null as they are.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return normalizeValue(a) === normalizeValue(b);
}

/** A comparable key of a form value (see `sameValue`). */
export function normalizeValue(value: unknown): string {
  if (typeof value === 'string')
    return `s:${value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}`;
  if (typeof value === 'number') return `n:${Number.isFinite(value) ? value : 'NaN'}`;
  if (typeof value === 'boolean') return `b:${value}`;
  if (Array.isArray(value)) return `a:${[...new Set(value.map(normalizeValue))].sort().join('|')}`;
  if (value === undefined || value === null || value === '') return 'empty';
  return `j:${JSON.stringify(value)}`;
}

/** The value most often given (ties: the one given first) and its share of the votes. */
export function majority<T>(
  values: readonly T[],
  key: (value: T) => string = String,
): { value: T; share: number } | null {
  if (values.length === 0) return null;
  const counts = new Map<string, { value: T; count: number; first: number }>();
  values.forEach((value, index) => {
    const k = key(value);
    const entry = counts.get(k);
    if (entry) entry.count += 1;
    else counts.set(k, { value, count: 1, first: index });
  });
  const best = [...counts.values()].sort((p, q) => q.count - p.count || p.first - q.first)[0];
  return best ? { value: best.value, share: best.count / values.length } : null;
}
