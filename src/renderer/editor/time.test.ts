import { describe, expect, it } from 'vitest';
import { calendarDate, isWithinLastMinute, leaseUrgency, relativeTo } from './time';

const now = new Date('2025-03-10T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('relative time', () => {
  it('picks the largest whole unit, negative for the past', () => {
    expect(relativeTo(at('2025-03-10T11:57:00Z'), now)).toEqual({ value: -3, unit: 'minute' });
    expect(relativeTo(at('2025-03-10T17:30:00Z'), now)).toEqual({ value: 5, unit: 'hour' });
    expect(relativeTo(at('2025-03-08T11:00:00Z'), now)).toEqual({ value: -2, unit: 'day' });
    expect(relativeTo(at('2025-03-10T11:59:30Z'), now)).toEqual({ value: -30, unit: 'second' });
  });

  it('knows what happened within the last minute', () => {
    expect(isWithinLastMinute(at('2025-03-10T11:59:10Z'), now)).toBe(true);
    expect(isWithinLastMinute(at('2025-03-10T11:58:00Z'), now)).toBe(false);
  });
});

describe('lease urgency', () => {
  it('is quiet for far leases, warns within a day, and says when it is over', () => {
    expect(leaseUrgency(at('2025-03-13T12:00:00Z'), now)).toBeNull();
    expect(leaseUrgency(at('2025-03-11T11:00:00Z'), now)).toBe('soon');
    expect(leaseUrgency(at('2025-03-10T11:00:00Z'), now)).toBe('expired');
  });
});

describe('calendar dates', () => {
  it('keeps the day whatever the time zone, and refuses what is not a date', () => {
    expect(calendarDate('2024-02-29')?.toISOString()).toBe('2024-02-29T12:00:00.000Z');
    expect(calendarDate('29/02/2024')).toBeNull();
  });
});
