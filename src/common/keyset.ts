import type { PageWindow } from './connection';
import type { CursorKey } from './cursor';

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
export function keysetClauses<K extends CursorKey>(order: KeysetOrder, window: PageWindow<K>, params: unknown[]): KeysetClauses {
  const columns = `(${order.columns.map((column) => column.sql).join(', ')})`;
  const tuple = (key: K) => `(${key.map((value, i) => `$${params.push(value)}::${order.columns[i]?.type ?? 'text'}`).join(', ')})`;
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
