import type { SegmentLabel } from '../../../shared/domain/kinds/audio';

/**
 * The digit each segment label answers to: the project's own hotkey, otherwise its position in the
 * list (1–9) when no other label claims that digit.
 */
export function labelHotkeys(labels: readonly SegmentLabel[]): Map<string, string> {
  const taken = new Set<string>(labels.flatMap((label) => (label.hotkey ? [label.hotkey] : [])));
  const keys = new Map<string, string>();
  labels.forEach((label, index) => {
    if (label.hotkey) keys.set(label.code, label.hotkey);
    else if (index < 9 && !taken.has(String(index + 1))) {
      keys.set(label.code, String(index + 1));
      taken.add(String(index + 1));
    }
  });
  return keys;
}

/** The label a digit key chooses, if any. */
export function labelForDigit(labels: readonly SegmentLabel[], digit: number): SegmentLabel | undefined {
  const keys = labelHotkeys(labels);
  return labels.find((label) => keys.get(label.code) === String(digit));
}
