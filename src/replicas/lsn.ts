// PostgreSQL WAL positions (pg_lsn) as text: two hexadecimal numbers, "16/B374D848".

const lsnPattern = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** Whether `text` is a WAL position as PostgreSQL prints it (for values that come from clients). */
export function isLsn(text: string): boolean {
  return lsnPattern.test(text);
}

function lsnValue(lsn: string): bigint {
  const match = lsnPattern.exec(lsn);
  if (!match) throw new Error(`Not a WAL position: ${JSON.stringify(lsn)}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** Whether position `a` is at or past position `b`. */
export function lsnReached(a: string, b: string): boolean {
  return lsnValue(a) >= lsnValue(b);
}

/** The later of the positions given (undefined when none is). */
export function latestLsn(...positions: (string | undefined)[]): string | undefined {
  let latest: string | undefined;
  for (const position of positions) {
    if (position !== undefined && (latest === undefined || !lsnReached(latest, position))) latest = position;
  }
  return latest;
}
