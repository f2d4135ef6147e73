import type { Random } from './prng';

// Profiles were created over the five years before this date: fixed, so that a load next year
// makes the same rows.
const periodEnd = Date.UTC(2026, 9, 1);
const periodStart = Date.UTC(2021, 9, 1);

// Keyset pagination orders by these timestamps; ties would make its order depend on ids. Each
// person's timestamps are a whole number of slots plus (n mod slot), so no two people share one
// (for the first 2^20 people, more than the CLI allows).
const slotMs = 2 ** 20;
const slots = Math.floor((periodEnd - periodStart) / slotMs);
export const maxDistinctPeople = slotMs;

export interface ProfileTimes {
  createdAt: number;
  updatedAt: number;
}

/** When the profile was made (more of them recently: the marketplace grows) and last edited. */
export function profileTimes(random: Random, n: number): ProfileTimes {
  const created = Math.floor(slots * random.next() ** (1 / 1.6));
  const updated = created + Math.floor((slots - created) * random.next() ** 1.5);
  const within = n % slotMs;
  return { createdAt: periodStart + created * slotMs + within, updatedAt: periodStart + updated * slotMs + within };
}

/** Months since year 0, so that durations are plain subtraction. */
export function monthOf(time: number): number {
  const date = new Date(time);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export type DatePrecision = 'month' | 'year';

/** A PartialDate for a month count: `YYYY-MM` or `YYYY`. */
export function partialDate(month: number, precision: DatePrecision): string {
  const year = String(Math.floor(month / 12));
  return precision === 'year' ? year : `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
}

export interface Stint {
  startMonth: number;
  /** null while it is still going on. */
  endMonth: number | null;
}

/**
 * `count` consecutive jobs, newest first, filling about `years` of career up to `lastMonth`, with
 * short gaps between some. The newest is still going on if `current`.
 */
export function career(random: Random, count: number, years: number, lastMonth: number, current: boolean): Stint[] {
  const weights = Array.from({ length: count }, () => 0.5 + random.next());
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const stints: Stint[] = [];
  let cursor = current ? lastMonth : lastMonth - random.int(0, 8);
  weights.forEach((weight, i) => {
    const length = Math.max(4, Math.round((years * 12 * weight) / total));
    stints.push({ startMonth: cursor - length, endMonth: i === 0 && current ? null : cursor });
    cursor -= length + (random.chance(0.4) ? random.int(1, 4) : 0);
  });
  return stints;
}
