import type { Pool, PoolClient } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { currentRequestScope, type RequestScope } from '../common/request-scope';
import { withReadFallback } from './read-fallback';

// The read path's SQL, straight on the pg pool that TypeORM holds (the same connections, limits
// and pool metrics), without TypeORM's query runner around each statement. What TypeORM's
// DataSource.query did for a statement and this service relies on is kept: the statement logger
// counts it (per request and in total) once a connection is had, slow statements are reported, and
// a failure is a QueryFailedError carrying the driver's error.
//
// Two savings on top:
// - Statements are prepared once per connection (a name per statement text), so PostgreSQL plans
//   each loader's SQL once per connection instead of on every request.
// - JSON lists that one request asks for in the same tick are sent as one statement (see
//   queryJsonRows): a people page's roles, degrees and skills come back in one round trip, as JSON
//   that JSON.parse turns into rows faster than the driver parses result rows.
//
// Placeholders are $1, $2, ... as in pg; a statement given to queryJsonRows must not contain `$`
// other than in its placeholders (it is renumbered to sit beside others).

/** Statement names, one per text; past the cap new texts run unnamed (planned every time). */
const maxPreparedStatements = 500;
const statementNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < maxPreparedStatements) {
    name = `profilegraph_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/** The pg pool behind a DataSource (TypeORM's driver holds it once the DataSource is initialised). */
export function poolOf(db: DataSource): Pool {
  return (db.driver as PostgresDriver).master as Pool;
}

/** Runs one statement on a pooled connection and returns its rows (on the primary if `db` is a replica that is out). */
export function queryRows<R>(db: DataSource, text: string, params: readonly unknown[] = []): Promise<R[]> {
  return withReadFallback(db, (target) => queryRowsOn<R>(target, text, params));
}

async function queryRowsOn<R>(db: DataSource, text: string, params: readonly unknown[]): Promise<R[]> {
  const client: PoolClient = await poolOf(db).connect();
  // A connection that fails while checked out reports here; the pool then drops it on release.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  db.logger.logQuery(text, params as unknown[]);
  const started = Date.now();
  try {
    const result = await client.query<R & object>({ name: statementName(text), text, values: params as unknown[] });
    const elapsed = Date.now() - started;
    const slow = db.options.maxQueryExecutionTime;
    if (slow && elapsed > slow) db.logger.logQuerySlow(elapsed, text, params as unknown[]);
    return result.rows;
  } catch (error) {
    db.logger.logQueryError(error as Error, text, params as unknown[]);
    throw new QueryFailedError(text, params as unknown[], error instanceof Error ? error : new Error(String(error)));
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

interface PendingList {
  text: string;
  params: readonly unknown[];
  /** The statement's JSON value, parsed (null for SQL NULL). */
  resolve(json: unknown): void;
  reject(error: unknown): void;
}

/** JSON lists a request has asked for in the current tick, not sent yet. */
const pendingLists = new WeakMap<RequestScope, PendingList[]>();

function renumbered(text: string, offset: number): string {
  return offset === 0 ? text : text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/** Combined statements by their lists' texts (a text always takes the same number of parameters). */
const combinedStatements = new Map<string, string>();

function combinedStatement(lists: readonly PendingList[]): string {
  const key = lists.map((list) => list.text).join('\u0000');
  let text = combinedStatements.get(key);
  if (text === undefined) {
    let offset = 0;
    const columns = lists.map((list, i) => {
      const column = `(${renumbered(list.text, offset)}) AS "${i}"`;
      offset += list.params.length;
      return column;
    });
    text = `SELECT ${columns.join(', ')}`;
    if (combinedStatements.size < maxPreparedStatements) combinedStatements.set(key, text);
  }
  return text;
}

async function sendLists(db: DataSource, lists: readonly PendingList[]): Promise<void> {
  const params = lists.length === 1 ? (lists[0]?.params ?? []) : lists.flatMap((list) => list.params);
  try {
    const [row] = await queryRows<Record<string, unknown>>(db, combinedStatement(lists), params);
    lists.forEach((list, i) => list.resolve(row?.[String(i)] ?? null));
  } catch (error) {
    for (const list of lists) list.reject(error);
  }
}

/**
 * Rows of a list, read as JSON: `text` is a SELECT that returns one json value, by default an
 * array of row objects (`coalesce(json_agg(... ORDER BY ...), '[]')`), or anything `decode` turns
 * into the rows. Lists asked for by the same request in the same tick (DataLoaders of one level
 * of a query dispatch together) share one statement. Rows come back as JSON gives them: numbers,
 * strings, booleans, arrays; timestamps would be strings, so lists of rows with dates belong in
 * queryRows.
 */
export function queryJsonRows<R>(db: DataSource, text: string, params: readonly unknown[]): Promise<R[]>;
export function queryJsonRows<R, J>(db: DataSource, text: string, params: readonly unknown[], decode: (json: J) => R[]): Promise<R[]>;
export function queryJsonRows<R, J>(db: DataSource, text: string, params: readonly unknown[], decode?: (json: J) => R[]): Promise<R[]> {
  const scope = currentRequestScope();
  return new Promise<R[]>((resolve, reject) => {
    const resolveJson = (json: unknown) => {
      try {
        resolve(decode ? decode(json as J) : ((json ?? []) as R[]));
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on what decode threw, as it is
        reject(error);
      }
    };
    const list: PendingList = { text, params, resolve: resolveJson, reject };
    if (!scope) {
      void sendLists(db, [list]);
      return;
    }
    const pending = pendingLists.get(scope);
    if (pending) {
      pending.push(list);
      return;
    }
    const lists = [list];
    pendingLists.set(scope, lists);
    // DataLoaders dispatch from process.nextTick callbacks queued together; this one runs after
    // the ones already queued, so every list of this level is in by then.
    process.nextTick(() => {
      pendingLists.delete(scope);
      void sendLists(db, lists);
    });
  });
}
