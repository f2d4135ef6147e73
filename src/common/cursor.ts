import { isAcceptableText } from './acceptable-text';
import { badUserInput } from './errors';
import { maxDatabaseId } from './node';

/** The values of a row's sort key, in ORDER BY order. */
export type CursorKey = readonly (string | number)[];

/**
 * Opaque to clients: base64url of JSON `[list, ...sortKey]`. Keyset cursors keep their place when
 * rows are inserted before them, which offsets do not; the list name keeps a cursor from one list
 * (people) from being taken by another (skills).
 */
export function encodeCursor(list: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/** Decodes a cursor this service issued for the same list, or fails naming the argument. */
export function decodeCursor<K extends CursorKey>(
  list: string,
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
  const key = Array.isArray(values) && values[0] === list ? parse(values.slice(1)) : null;
  if (!key) throw badUserInput(argument, 'is not a cursor from this list; use a cursor the list returned');
  return key;
}

// Values go into SQL parameters, so they must be values PostgreSQL accepts, not merely ones
// JavaScript can parse: canonical ISO timestamps, int4 ids, acceptable text.

/** Sort key (timestamp, id), as used by people lists: newest first. */
export type TimestampIdKey = readonly [string, number];

export function parseTimestampIdKey(values: readonly unknown[]): TimestampIdKey | null {
  const [timestamp, id] = values;
  if (values.length !== 2 || typeof timestamp !== 'string' || !isDatabaseId(id)) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(timestamp)) return null;
  const parsed = new Date(timestamp);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString() !== timestamp) return null;
  return [timestamp, id];
}

/** Sort key (text, id), as used by lists in name order. */
export type TextIdKey = readonly [string, number];

export function parseTextIdKey(values: readonly unknown[]): TextIdKey | null {
  const [text, id] = values;
  if (values.length !== 2 || typeof text !== 'string' || !isAcceptableText(text) || !isDatabaseId(id)) return null;
  return [text, id];
}

/** Sort key (search rank, id): a `real` as PostgreSQL returned it, so that it casts back exactly. */
export type RankIdKey = readonly [number, number];

export function parseRankIdKey(values: readonly unknown[]): RankIdKey | null {
  const [rank, id] = values;
  if (values.length !== 2 || typeof rank !== 'number' || !Number.isFinite(rank) || rank < 0 || !isDatabaseId(id)) return null;
  return [rank, id];
}

/** Sort key of n non-negative int4 values (counts, tiers), the last an id. */
export function parseIntKey(length: number): (values: readonly unknown[]) => readonly number[] | null {
  return (values) =>
    values.length === length &&
    values.every((value) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxDatabaseId) &&
    isDatabaseId(values.at(-1))
      ? (values as number[])
      : null;
}

function isDatabaseId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= maxDatabaseId;
}
