/** An amount in cents of a currency, in the HITer's language ("€0.04", "0,04 €", "FCFA 25"). */
export function formatMoney(locale: string, cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** A 0..1 score as a whole percentage. */
export function formatScore(locale: string, score: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(score);
}
