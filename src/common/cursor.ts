import { badUserInput } from './errors';

/** The values of a row's sort key, in ORDER BY order. */
export type CursorKey = readonly (string | number)[];

// Opaque to clients: base64url of the JSON sort key. Keyset cursors keep their place when rows are
// inserted before them, which offsets do not.
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor this service issued for the same order, or fails naming the argument. */
export function decodeCursor<K extends CursorKey>(
  argument: string,
  cursor: string,
  parse: (values: readonly unknown[]) => K | null,
): K {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const key = Array.isArray(values) ? parse(values) : null;
  if (!key) throw badUserInput(argument, 'is not a cursor from this list; use a cursor the list returned');
  return key;
}

/** Sort key (timestamp, id), as used by people lists: newest first. */
export type TimestampIdKey = readonly [string, number];

export function parseTimestampIdKey(values: readonly unknown[]): TimestampIdKey | null {
  const [timestamp, id] = values;
  if (values.length !== 2 || typeof timestamp !== 'string' || !isPositiveInt(id)) return null;
  if (Number.isNaN(Date.parse(timestamp))) return null;
  return [timestamp, id];
}

/** Sort key (text, id), as used by lists in name order. */
export type TextIdKey = readonly [string, number];

export function parseTextIdKey(values: readonly unknown[]): TextIdKey | null {
  const [text, id] = values;
  if (values.length !== 2 || typeof text !== 'string' || !isPositiveInt(id)) return null;
  return [text, id];
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
