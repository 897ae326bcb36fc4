/** `#rrggbb` with an alpha, as canvas fill styles; cached, since a frame asks for the same few. */
const cache = new Map<string, string>();

export function withAlpha(hex: string, alpha: number): string {
  const key = `${hex}/${alpha}`;
  let value = cache.get(key);
  if (value === undefined) {
    const n = Number.parseInt(hex.slice(1), 16);
    value = `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
    cache.set(key, value);
  }
  return value;
}

/** Black or white, whichever reads better on `hex` (for text on a label's colour). */
export function inkOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = ((n >> shift) & 255) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.2 ? '#000000' : '#ffffff';
}

export const UNKNOWN_LABEL_COLOR = '#8a93a3';
