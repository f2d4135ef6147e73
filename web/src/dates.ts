const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A PartialDate as precisely as it is known: `2021`, `Mar 2021`, `Mar 5, 2021`. */
export function formatPartialDate(value: string): string {
  const [year, month, day] = value.split('-');
  const name = month ? months[Number(month) - 1] : undefined;
  if (!name) return year ?? value;
  return day ? `${name} ${Number(day)}, ${year}` : `${name} ${year}`;
}

export function formatRange(start: string | null | undefined, end: string | null | undefined, current = false): string | null {
  const from = start ? formatPartialDate(start) : null;
  const to = current ? 'Present' : end ? formatPartialDate(end) : null;
  if (from && to) return `${from} – ${to}`;
  return from ?? to;
}
