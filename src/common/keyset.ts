import type { DataSource } from 'typeorm';
import { toConnection, type Connection, type CursorList, type PageWindow } from './connection';
import type { CursorKey } from './cursor';
import { queryRows } from '../database/read-queries';

/** A list order on unique keys: the columns (SQL, with their types for parameters) all one way. */
export interface KeysetOrder {
  columns: readonly { sql: string; type: string }[];
  direction: 'ASC' | 'DESC';
}

export interface KeysetClauses {
  conditions: string[];
  orderBy: string;
  limit: string;
}

/**
 * The WHERE conditions, ORDER BY and LIMIT that read a page window in its reading direction,
 * appending their parameters to `params`. Fetches one row more than the page to learn whether
 * there is more.
 */
export function keysetClauses<K extends CursorKey>(
  order: KeysetOrder,
  window: PageWindow<K>,
  params: unknown[],
): KeysetClauses {
  const columns = `(${order.columns.map((column) => column.sql).join(', ')})`;
  const tuple = (key: K) =>
    `(${key.map((value, i) => `$${params.push(value)}::${order.columns[i]?.type ?? 'text'}`).join(', ')})`;
  const later = order.direction === 'ASC' ? '>' : '<';
  const earlier = order.direction === 'ASC' ? '<' : '>';

  const conditions: string[] = [];
  if (window.after) conditions.push(`${columns} ${later} ${tuple(window.after)}`);
  if (window.before) conditions.push(`${columns} ${earlier} ${tuple(window.before)}`);

  const reading = window.backward ? (order.direction === 'ASC' ? 'DESC' : 'ASC') : order.direction;
  return {
    conditions,
    orderBy: order.columns.map((column) => `${column.sql} ${reading}`).join(', '),
    limit: `$${params.push(window.size + 1)}`,
  };
}

/** Reads one page of a whole table in a keyset order; the total is counted only if asked for. */
export async function fetchKeysetPage<R, K extends CursorKey>(
  db: DataSource,
  table: { name: string; alias: string },
  order: KeysetOrder,
  window: PageWindow<K>,
  list: CursorList<R, K>,
): Promise<Connection<R>> {
  const params: unknown[] = [];
  const { conditions, orderBy, limit } = keysetClauses(order, window, params);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const from = `${table.name} ${table.alias}`;
  const rows = await queryRows<R>(db, `SELECT ${table.alias}.* FROM ${from} ${where} ORDER BY ${orderBy} LIMIT ${limit}`, params);
  return toConnection(rows, window, list, async () => {
    const [row] = await queryRows<{ count: number }>(db, `SELECT count(*)::int AS count FROM ${from}`);
    return row?.count ?? 0;
  });
}
