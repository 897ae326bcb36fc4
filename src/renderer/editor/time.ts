/** Turning instants into the words the app shows ("3 minutes ago", "in 5 hours"), locale-neutral. */
export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day';
export type Relative = { value: number; unit: RelativeUnit };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The largest whole unit between `at` and `now`: negative in the past, positive in the future. */
export function relativeTo(at: Date, now: Date): Relative {
  const diff = at.getTime() - now.getTime();
  const size = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  const whole = (unit: number) => sign * Math.floor(size / unit);
  if (size < MINUTE) return { value: whole(1000), unit: 'second' };
  if (size < HOUR) return { value: whole(MINUTE), unit: 'minute' };
  if (size < DAY) return { value: whole(HOUR), unit: 'hour' };
  return { value: whole(DAY), unit: 'day' };
}

export function isWithinLastMinute(at: Date, now: Date): boolean {
  const diff = now.getTime() - at.getTime();
  return diff < MINUTE;
}

/** A lease shows its expiry only when it matters: within a day, or already over. */
export type LeaseUrgency = 'expired' | 'soon' | null;
export const LEASE_WARNING_MS = DAY;

export function leaseUrgency(expiresAt: Date, now: Date): LeaseUrgency {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= LEASE_WARNING_MS ? 'soon' : null;
}

/** A calendar date (YYYY-MM-DD) as a Date at noon UTC, so no time zone moves it to another day. */
export function calendarDate(isoDate: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return Number.isNaN(date.getTime()) ? null : date;
}
