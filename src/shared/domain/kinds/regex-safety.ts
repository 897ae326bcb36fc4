/**
 * Whether a regular expression nests unbounded repeats (`(a+)+`, `(\w*\s?)*`, `(x{2,})+`): the
 * form that can take exponential time on a crafted value. Project authors write form patterns and
 * both the laptop and the queue run them on every answer, so such a pattern is refused up front.
 * A scanner, not a full parser: escapes and character classes are skipped, groups tracked.
 */
export function nestsUnboundedRepeats(pattern: string): boolean {
  // For each open group: whether an unbounded repeat appears inside it.
  const groups: boolean[] = [];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === '[') {
      i = endOfClass(pattern, i);
      continue;
    }
    if (char === '(') {
      groups.push(false);
      i += 1;
      continue;
    }
    if (char === ')') {
      const inner = groups.pop() ?? false;
      const repeat = unboundedRepeatAt(pattern, i + 1);
      if (repeat && inner) return true;
      if ((repeat || inner) && groups.length > 0) groups[groups.length - 1] = true;
      i += 1;
      continue;
    }
    if (unboundedRepeatAt(pattern, i) && groups.length > 0) groups[groups.length - 1] = true;
    i += 1;
  }
  return false;
}

/** `*`, `+` or `{n,}` / `{n,m}` with m over 10 at `index`. */
function unboundedRepeatAt(pattern: string, index: number): boolean {
  const char = pattern[index];
  if (char === '*' || char === '+') return true;
  if (char !== '{') return false;
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
  if (!braces || braces[2] === undefined) return false;
  return braces[3] === '' || Number(braces[3]) > 10;
}

function endOfClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}
