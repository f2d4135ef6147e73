import { Pool } from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { Logger } from '../common/logger';
import type { Config } from '../config';
import { dataSourceOptions } from '../database/data-source-options';
import { isDatabaseUnavailable } from '../database/database-errors';
import { setReadFallback } from '../database/read-fallback';
import { registerReplica } from '../database/replica-of';
import { latestLsn, lsnReached } from './lsn';
import { Replica, replicaName, type ReplicaState } from './replica';
import { ReplicaLag } from './replica-lag';
import type { WritePositions } from './write-positions';

/** Why a read went where it went (a metric label). */
type Route = 'replica' | 'replica_caught_up' | 'primary_no_replica' | 'primary_behind' | 'primary_position_unknown';

export interface ReplicaStatus {
  name: string;
  state: ReplicaState;
  lagMs: number | null;
  replayedLsn: string | null;
  problem?: string;
}

// While requests wait for a replica to replay their account's write, the replicas' positions are
// asked for this often (one question per replica, shared by every waiting request).
const catchUpPollMs = 20;
const states: ReplicaState[] = ['connecting', 'up', 'lagging', 'down'];

/**
 * Errors that mean the replica cannot answer, so the statement is run on the primary: it went away
 * (the same errors that make the primary unavailable), or it cancelled the statement because
 * replaying the primary's changes conflicted with it (40001 "conflict with recovery").
 */
function isReplicaOut(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const driverError: unknown = typeof error === 'object' && error !== null ? (Reflect.get(error, 'driverError') ?? error) : error;
  const message: unknown = typeof driverError === 'object' && driverError !== null ? Reflect.get(driverError, 'message') : undefined;
  return typeof message === 'string' && /conflict with recovery/i.test(message);
}

/**
 * The read replicas behind DATABASE_REPLICA_URLS: their health, their lag, and which DataSource a
 * read goes to. Reads go round-robin to replicas that are up; an account that has written reads
 * from one that has replayed its write (waiting up to DATABASE_REPLICA_CATCH_UP_WAIT_MS), else
 * from the primary; with no replica up, from the primary.
 */
export class ReadReplicas {
  readonly replicas: Replica[];
  private readonly lag: ReplicaLag;
  private readonly primaryProbe: Pool;
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private readonly waiters = new Set<{ lsn: string; deadline: number; done: (replica: Replica | undefined) => void }>();
  private polling = false;
  private closed = false;
  private readonly routes = new Counter({
    name: 'profilegraph_db_read_routes_total',
    help: 'Read operations by where they were sent: a replica, a replica that had replayed the reader’s last write, or the primary (no replica up, or none caught up in time).',
    labelNames: ['route'],
    registers: [],
  });
  private readonly fallbacks = new Counter({
    name: 'profilegraph_db_replica_fallbacks_total',
    help: 'Statements that failed on a replica because it went away and were run again on the primary.',
    labelNames: ['replica'],
    registers: [],
  });

  constructor(
    readonly primary: DataSource,
    private readonly config: Config,
    private readonly positions: WritePositions,
    private readonly logger: Logger,
  ) {
    const base = dataSourceOptions(config) as PostgresDataSourceOptions;
    const checkTimeoutMs = Math.max(config.DATABASE_REPLICA_CHECK_INTERVAL_MS, 1000);
    this.replicas = config.DATABASE_REPLICA_URLS.map((url) => {
      const replica = new Replica(
        replicaName(url),
        { ...base, url, migrations: [], applicationName: 'profilegraph-replica' },
        checkTimeoutMs,
      );
      registerReplica(replica.db, primary);
      setReadFallback(replica.db, {
        target: () => (replica.state === 'down' ? primary : replica.db),
        after: (error) => {
          if (!isReplicaOut(error)) return undefined;
          this.markDown(replica, error);
          this.fallbacks.inc({ replica: replica.name });
          return primary;
        },
      });
      return replica;
    });
    this.lag = new ReplicaLag(Math.max(10_000, config.DATABASE_REPLICA_MAX_LAG_MS * 2));
    const primaryUrl = (primary.options as PostgresDataSourceOptions).url;
    this.primaryProbe = new Pool({
      connectionString: primaryUrl,
      max: 1,
      connectionTimeoutMillis: checkTimeoutMs,
      statement_timeout: checkTimeoutMs,
    });
    this.primaryProbe.on('error', () => {});
  }

  /** Checks every replica now, then every DATABASE_REPLICA_CHECK_INTERVAL_MS. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.config.DATABASE_REPLICA_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  /** One round of health checks (a round still running is not overtaken by the next). */
  check(): Promise<void> {
    this.checking ??= this.checkAll().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async checkAll(): Promise<void> {
    // The primary first: a replica that has replayed this position has everything written before now.
    let sampled = false;
    try {
      const { rows } = await this.primaryProbe.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      if (rows[0]) this.lag.sample(rows[0].lsn);
      sampled = true;
    } catch {
      // The primary is out: replicas keep their state (reads are all they can serve now).
    }
    await Promise.all(this.replicas.map((replica) => this.checkReplica(replica, sampled)));
  }

  private async checkReplica(replica: Replica, sampled: boolean): Promise<void> {
    try {
      const { replayed } = await replica.probe();
      if (replayed === null) return this.setState(replica, 'down', 'not a standby (pg_last_wal_replay_lsn() is null)');
      if (!sampled && replica.state !== 'connecting') return;
      replica.lagMs = this.lag.hasSamples ? this.lag.lagMs(replayed) : null;
      const lagging = replica.lagMs !== null && replica.lagMs > this.config.DATABASE_REPLICA_MAX_LAG_MS;
      this.setState(replica, lagging ? 'lagging' : 'up', lagging ? `${replica.lagMs} ms behind the primary` : undefined);
    } catch (error) {
      this.markDown(replica, error);
    }
  }

  private markDown(replica: Replica, error: unknown): void {
    replica.lagMs = null;
    this.setState(replica, 'down', error instanceof Error ? error.message : String(error));
  }

  private setState(replica: Replica, state: ReplicaState, problem?: string): void {
    const before = replica.state;
    replica.state = state;
    replica.problem = problem;
    if (before === state) return;
    if (state === 'up') this.logger.info(`Read replica ${replica.name} is up: it gets reads`);
    else this.logger.warn(`Read replica ${replica.name} is ${state} (${problem ?? 'no reason given'}): its reads go elsewhere`);
  }

  /**
   * The DataSource for a read operation of `account` (a token's subject) or of a client that
   * carries the WAL position of a write it must see.
   */
  async readerFor(account: string | undefined, position: string | undefined): Promise<DataSource> {
    const up = this.replicas.filter((replica) => replica.state === 'up');
    if (!up.length) return this.routed('primary_no_replica', this.primary);
    let known: string | undefined;
    try {
      known = account === undefined ? undefined : await this.positions.get(account);
    } catch {
      // The shared store cannot say whether this account wrote lately (Redis is down): only the
      // primary is sure to hold its writes.
      return this.routed('primary_position_unknown', this.primary);
    }
    const required = latestLsn(known, position);
    if (required === undefined) return this.routed('replica', this.roundRobin(up).db);
    const caughtUp = this.caughtUp(required) ?? (await this.waitForReplay(required));
    return caughtUp ? this.routed('replica_caught_up', caughtUp.db) : this.routed('primary_behind', this.primary);
  }

  private routed(route: Route, db: DataSource): DataSource {
    this.routes.inc({ route });
    return db;
  }

  private roundRobin(replicas: Replica[]): Replica {
    this.next = (this.next + 1) % replicas.length;
    return replicas[this.next] ?? (replicas[0] as Replica);
  }

  private caughtUp(lsn: string): Replica | undefined {
    const ready = this.replicas.filter(
      (replica) => replica.state === 'up' && replica.replayed !== undefined && lsnReached(replica.replayed, lsn),
    );
    return ready.length ? this.roundRobin(ready) : undefined;
  }

  private waitForReplay(lsn: string): Promise<Replica | undefined> {
    const waitMs = this.config.DATABASE_REPLICA_CATCH_UP_WAIT_MS;
    return new Promise((done) => {
      this.waiters.add({ lsn, deadline: Date.now() + waitMs, done });
      void this.pollReplay();
    });
  }

  // One loop for every waiting request: ask each replica that is up how far it has replayed, hand
  // out those that have caught up, give up on requests whose wait is over.
  private async pollReplay(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.size) {
        const up = this.replicas.filter((replica) => replica.state === 'up');
        await Promise.all(up.map((replica) => replica.probe().catch((error: unknown) => this.markDown(replica, error))));
        const now = Date.now();
        for (const waiter of this.waiters) {
          const replica = this.closed ? undefined : this.caughtUp(waiter.lsn);
          if (replica || now >= waiter.deadline || this.closed) {
            this.waiters.delete(waiter);
            waiter.done(replica);
          }
        }
        if (this.waiters.size) await new Promise((done) => setTimeout(done, catchUpPollMs));
      }
    } finally {
      this.polling = false;
    }
  }

  /**
   * After a mutation: the primary's WAL position, which is past the mutation's commit, remembered
   * for the account so that its next reads see the write. Undefined when the primary cannot say.
   */
  async rememberWrite(account: string | undefined): Promise<string | undefined> {
    let lsn: string | undefined;
    try {
      // On the request pool, not the probe's single connection: a burst of writes would queue
      // there behind each other and the health checks, and a position not read is a write the
      // account may not see.
      const rows = await this.primary.query<{ lsn: string }[]>('SELECT pg_current_wal_lsn()::text AS lsn');
      lsn = rows[0]?.lsn;
    } catch (error) {
      // Then the account's next reads may miss the write on a lagging replica: say so.
      this.logger.warn({ err: error }, 'Could not read the primary’s WAL position after a write');
      return undefined;
    }
    if (lsn !== undefined && account !== undefined) await this.positions.remember(account, lsn);
    return lsn;
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((replica) => ({
      name: replica.name,
      state: replica.state,
      lagMs: replica.lagMs,
      replayedLsn: replica.replayed ?? null,
      ...(replica.problem && { problem: replica.problem }),
    }));
  }

  registerMetrics(registry: Registry): void {
    registry.registerMetric(this.routes);
    registry.registerMetric(this.fallbacks);
    const status = () => this.status();
    registry.registerMetric(
      new Gauge({
        name: 'profilegraph_db_replica_state',
        help: 'Each read replica’s state: 1 for the state it is in (connecting, up, lagging, down), 0 for the others.',
        labelNames: ['replica', 'state'],
        registers: [],
        collect() {
          for (const replica of status())
            for (const state of states) this.set({ replica: replica.name, state }, replica.state === state ? 1 : 0);
        },
      }),
    );
    registry.registerMetric(
      new Gauge({
        name: 'profilegraph_db_replica_lag_seconds',
        help: 'How far each read replica was behind the primary at its last check (absent while it is down).',
        labelNames: ['replica'],
        registers: [],
        collect() {
          this.reset();
          for (const replica of status()) if (replica.lagMs !== null) this.set({ replica: replica.name }, replica.lagMs / 1000);
        },
      }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const waiter of this.waiters) waiter.done(undefined);
    this.waiters.clear();
    await this.checking;
    await Promise.all(this.replicas.map((replica) => replica.close()));
    await this.primaryProbe.end();
  }
}
