import { Pool } from 'pg';
import { DataSource, type ObjectLiteral, type QueryRunner } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { closeDatabase, trackLentConnections } from '../database/close-database';
import { withReadFallback } from '../database/read-fallback';

/**
 * connecting: not reached yet since start-up; up: gets reads; lagging: reachable but further
 * behind the primary than DATABASE_REPLICA_MAX_LAG_MS; down: unreachable, or not replaying (no
 * longer a standby).
 */
export type ReplicaState = 'connecting' | 'up' | 'lagging' | 'down';

/** A replica's DataSource: TypeORM's own reads through it (db.query) fall back like queryRows does. */
export class ReplicaDataSource extends DataSource {
  override query<T = unknown>(query: string, parameters?: unknown[] | ObjectLiteral, queryRunner?: QueryRunner): Promise<T> {
    return withReadFallback(this, (db) => (db === this ? super.query<T>(query, parameters, queryRunner) : db.query<T>(query, parameters)));
  }
}

/** What a health check saw: how far the replica has replayed, or null when it is not replaying. */
export interface ReplicaProbe {
  replayed: string | null;
}

export class Replica {
  readonly db: ReplicaDataSource;
  state: ReplicaState = 'connecting';
  /** Milliseconds behind the primary at the last check (null before the first, or while down). */
  lagMs: number | null = null;
  /** The last WAL position it was seen to have replayed. */
  replayed: string | undefined;
  /** Why it is down, for /readyz and the log. */
  problem: string | undefined;
  // One connection of its own for health checks and replay positions: the request pool may be busy.
  private readonly probes: Pool;
  private opening: Promise<void> | undefined;

  constructor(
    /** host:port/database, without credentials: for logs, /readyz and metric labels. */
    readonly name: string,
    options: PostgresDataSourceOptions & { url: string },
    checkTimeoutMs: number,
  ) {
    this.db = new ReplicaDataSource(options);
    this.probes = new Pool({
      connectionString: options.url,
      max: 1,
      connectionTimeoutMillis: checkTimeoutMs,
      statement_timeout: checkTimeoutMs,
      application_name: 'profilegraph-replica-check',
    });
    // An idle probe connection that the replica drops reports here; the next check reconnects.
    this.probes.on('error', () => {});
  }

  /** Asks the replica how far it has replayed; opens its request pool the first time it answers. */
  async probe(): Promise<ReplicaProbe> {
    const { rows } = await this.probes.query<{ replayed: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS replayed');
    const replayed = rows[0]?.replayed ?? null;
    if (replayed !== null) this.replayed = replayed;
    if (!this.db.isInitialized) await this.open();
    return { replayed };
  }

  private open(): Promise<void> {
    this.opening ??= (async () => {
      await this.db.initialize();
      trackLentConnections(this.db);
    })().finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  async close(): Promise<void> {
    await this.opening?.catch(() => {});
    if (this.db.isInitialized) await closeDatabase(this.db);
    await this.probes.end();
  }
}

/** host:port/database of a PostgreSQL URL: never its password. */
export function replicaName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
