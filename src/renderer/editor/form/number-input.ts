/**
 * Numbers as HITers type them. A French keyboard gives "12,50", an English one "12.50", a copied
 * amount "1 250,00": a comma or a point is the decimal mark (one of them, once), spaces group
 * thousands. Anything else ("1,250.00", "12a") is not read as a number, so nothing is guessed.
 */
const GROUP_SPACES = /[\s\u00A0\u202F]/gu;
const PLAIN = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

export function parseNumberInput(raw: string): number | null {
  const compact = raw.trim().replace(GROUP_SPACES, '').replace('\u2212', '-');
  if (!PLAIN.test(compact)) return null;
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** A stored number as the field shows it, with the decimal mark of the HITer's language. */
export function formatNumberInput(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
}
