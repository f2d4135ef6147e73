import DataLoader from 'dataloader';
import { currentRequestScope } from './request-scope';

// The one way to build a loader, and helpers for batch functions, which must answer every key,
// in key order.

/** A DataLoader that reports each batch (one SQL statement) to the request's metrics. */
export function createLoader<K, V, C = K>(
  name: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
  options?: DataLoader.Options<K, V, C>,
): DataLoader<K, V, C> {
  return new DataLoader<K, V, C>((keys) => {
    currentRequestScope()?.batches.push({ loader: name, keys: keys.length });
    return batch(keys);
  }, options);
}

/** One row per key, or null where there is none. */
export function rowsByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const found = new Map<K, R>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((key) => found.get(key) ?? null);
}

/** All rows per key (in the order the rows came), or [] where there are none. */
export function groupsByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** Loads the one row with each id. */
export function loaderById<R extends { id: number }>(
  name: string,
  fetch: (ids: readonly number[]) => Promise<R[]>,
): DataLoader<number, R | null> {
  return createLoader(name, async (ids) => rowsByKey(ids, await fetch(ids), (row) => row.id));
}

/** A list under a parent, cut to at most `limit` items (null: all of them). */
export interface ListKey {
  parentId: number;
  limit: number | null;
}

/**
 * Loads each parent's list in one query however many parents and limits a request holds:
 * `fetch` returns, for every parent, its first `limit` rows in list order (all rows when null),
 * and each key is then cut to its own limit.
 */
export function limitedListLoader<R>(
  name: string,
  fetch: (parentIds: readonly number[], limit: number | null) => Promise<R[]>,
  parentIdOf: (row: R) => number,
): DataLoader<ListKey, R[], string> {
  return createLoader(
    name,
    async (keys) => {
      const parentIds = [...new Set(keys.map((key) => key.parentId))];
      const limits = keys.map((key) => key.limit);
      const widest = limits.includes(null) ? null : Math.max(...(limits as number[]));
      const lists = groupsByKey(parentIds, await fetch(parentIds, widest), parentIdOf);
      const listByParent = new Map(parentIds.map((id, i) => [id, lists[i] ?? []]));
      return keys.map(({ parentId, limit }) => {
        const list = listByParent.get(parentId) ?? [];
        return limit === null ? list : list.slice(0, limit);
      });
    },
    { cacheKeyFn: (key) => `${key.parentId}:${key.limit ?? 'all'}` },
  );
}

/**
 * SQL and parameters for the rows of a per-person, ordered section of a profile (`role`,
 * `degree`): for each of the people, their first `limit` rows in profile order (all of them when
 * null), as one JSON array of the table's rows (for queryJsonRows). The window function keeps
 * this one statement however many people and limits a request holds; without a limit the
 * statement does without it (a third less work for PostgreSQL).
 */
export function profileSectionQuery(table: 'role' | 'degree') {
  const all = `SELECT coalesce(json_agg(t ORDER BY t."personId", t.position, t.id), '[]')
    FROM ${table} t WHERE t."personId" = ANY($1::int[])`;
  const first = `SELECT coalesce(json_agg(ranked.t ORDER BY (ranked.t)."personId", ranked.n), '[]') FROM (
      SELECT t, row_number() OVER (PARTITION BY t."personId" ORDER BY t.position, t.id) AS n
      FROM ${table} t WHERE t."personId" = ANY($1::int[])
    ) ranked
    WHERE ranked.n <= $2::int`;
  return (personIds: readonly number[], limit: number | null): [string, unknown[]] =>
    limit === null ? [all, [personIds]] : [first, [personIds, limit]];
}
