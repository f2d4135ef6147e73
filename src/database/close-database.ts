import { Client, type Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf } from './read-queries';

// A pool's end() waits until every connection it has lent out comes back. At shutdown, a request
// cut off at the end of the grace period may still hold one, its statement waiting in PostgreSQL
// (for a lock, say) for as long as statement_timeout lets it: the process would wait with it, and
// an abandoned statement would go on running after the process had gone.

const lentByPool = new WeakMap<Pool, Set<PoolClient>>();

/** Starts keeping the connections the DataSource's pool has lent out and not had back, for closeDatabase. */
export function trackLentConnections(db: DataSource): void {
  const pool = poolOf(db);
  if (lentByPool.has(pool)) return;
  const lent = new Set<PoolClient>();
  pool.on('acquire', (client) => lent.add(client));
  pool.on('release', (_error, client) => lent.delete(client));
  lentByPool.set(pool, lent);
}

/**
 * Closes the DataSource once nothing new can reach it. Connections still lent out belong to work
 * that was cut off: their PostgreSQL sessions are ended first (which rolls their transactions
 * back), so that the pool closes now. Resolves to the number of sessions it ended.
 */
export async function closeDatabase(db: DataSource): Promise<number> {
  const pool = poolOf(db);
  const pids = [...(lentByPool.get(pool) ?? [])].map(backendPid).filter((pid) => pid !== undefined);
  if (pids.length) await terminateSessions(pool, pids);
  await db.destroy();
  return pids.length;
}

// @types/pg leaves out the backend's process id, which pg keeps from the connection's start-up.
function backendPid(client: PoolClient): number | undefined {
  const pid: unknown = Reflect.get(client, 'processID');
  return typeof pid === 'number' ? pid : undefined;
}

// Terminate rather than cancel: a cancel reaches only a statement running at that instant, and a
// request between two statements would send its next one and hold the pool open again.
async function terminateSessions(pool: Pool, pids: number[]): Promise<void> {
  // On a connection of its own: the pool's may all be lent out.
  const client = new Client(pool.options);
  try {
    await client.connect();
    await client.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
  } catch {
    // The database cannot be reached (or refuses): close all the same; the shutdown's own time
    // limit still bounds the wait for those connections.
  } finally {
    await client.end();
  }
}
