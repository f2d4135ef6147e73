/**
 * Whether a period ends before it starts, comparing partial dates at the precision both have:
 * 2019-05 to 2019 is fine (same year), 2019-05 to 2019-04 is not.
 */
export function endsBeforeStart(startDate: string | null | undefined, endDate: string | null | undefined): boolean {
  if (!startDate || !endDate) return false;
  const precision = Math.min(startDate.length, endDate.length);
  return endDate.slice(0, precision) < startDate.slice(0, precision);
}
