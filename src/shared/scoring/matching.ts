/**
 * One-to-one matching of two lists by a similarity in 0..1: the most similar pair first, then the
 * next among what is left (greedy, as detection benchmarks do). Pairs below `threshold` stay apart.
 */
export type Match = { a: number; b: number; similarity: number };

export function greedyMatch<A, B>(
  listA: readonly A[],
  listB: readonly B[],
  similarity: (a: A, b: B) => number,
  threshold: number,
): Match[] {
  const candidates: Match[] = [];
  listA.forEach((a, i) => {
    listB.forEach((b, j) => {
      const value = similarity(a, b);
      if (value >= threshold && value > 0) candidates.push({ a: i, b: j, similarity: value });
    });
  });
  candidates.sort((p, q) => q.similarity - p.similarity || p.a - q.a || p.b - q.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matches: Match[] = [];
  for (const candidate of candidates) {
    if (usedA.has(candidate.a) || usedB.has(candidate.b)) continue;
    usedA.add(candidate.a);
    usedB.add(candidate.b);
    matches.push(candidate);
  }
  return matches;
}

/**
 * "Soft" F1 of a matching: precision and recall weigh each match by its similarity, so a box that
 * is found but loosely drawn counts less than a tight one. Both lists empty: 1 (nothing to find).
 */
export function softF1(matches: readonly Match[], sizeA: number, sizeB: number): number {
  if (sizeA === 0 && sizeB === 0) return 1;
  if (sizeA === 0 || sizeB === 0) return 0;
  const total = matches.reduce((sum, match) => sum + match.similarity, 0);
  const precision = total / sizeB;
  const recall = total / sizeA;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}
