import { relativeTo } from '../editor/time';

/** "3 minutes ago", "in 5 hours" in the page's language. */
export function formatRelative(locale: string, at: Date, now: Date): string {
  const { value, unit } = relativeTo(at, now);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit);
}

export function formatDate(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A language code ("fr", "en-GB") as its name in the page's language, capitalised as a label
 * ("Français", not "français"), or the code itself when it is not one.
 */
export function languageName(locale: string, code: string): string {
  let name: string;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
