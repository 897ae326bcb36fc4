import type { ImageLabel } from '../../../shared/domain/kinds/image';

/**
 * Which digit chooses which label. The project's hotkeys come first (or, when it gives none, the
 * first nine labels get 1–9 in order); a HITer may remap them on this laptop. Digits are read by
 * physical key (event.code), so AZERTY's unshifted &é"'(… row works like QWERTY's 1–9.
 */
export const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type Digit = (typeof DIGITS)[number];

/** A HITer's remapping: label code → its digit, or null for no key. */
export type HotkeyOverrides = Record<string, Digit | null>;

export function isDigit(value: unknown): value is Digit {
  return typeof value === 'string' && (DIGITS as readonly string[]).includes(value);
}

/** Label code → digit, after the project's defaults and the HITer's overrides. */
export function labelHotkeys(
  labels: readonly Pick<ImageLabel, 'code' | 'hotkey'>[],
  overrides: HotkeyOverrides = {},
): Map<string, Digit> {
  const byLabel = new Map<string, Digit>();
  const projectGivesKeys = labels.some((label) => label.hotkey !== undefined);
  labels.forEach((label, index) => {
    const digit = projectGivesKeys ? label.hotkey : DIGITS[index];
    if (digit !== undefined) byLabel.set(label.code, digit);
  });
  const known = new Set(labels.map((label) => label.code));
  for (const [code, digit] of Object.entries(overrides)) {
    if (!known.has(code)) continue;
    if (digit === null) {
      byLabel.delete(code);
      continue;
    }
    if (!isDigit(digit)) continue;
    // The digit moves to this label: whoever had it loses it.
    for (const [other, otherDigit] of byLabel) if (otherDigit === digit) byLabel.delete(other);
    byLabel.set(code, digit);
  }
  return byLabel;
}

/** The label a digit chooses, if any. */
export function labelForDigit(hotkeys: ReadonlyMap<string, Digit>, digit: string): string | null {
  for (const [code, key] of hotkeys) if (key === digit) return code;
  return null;
}

/** Reads stored overrides, dropping anything that is not a label code → digit or null. */
export function readOverrides(value: unknown): HotkeyOverrides {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: HotkeyOverrides = {};
  for (const [code, digit] of Object.entries(value)) if (digit === null || isDigit(digit)) out[code] = digit;
  return out;
}
