import cluster, { type Worker } from 'node:cluster';
import { dataSource } from '../../ormconfig';
import type { Logger } from '../common/logger';
import type { Config } from '../config';
import type { OpenDatabase } from '../database/open-database';
import { prepareDatabase } from '../startup';
import { countRateLimitsForWorkers } from '../rate-limit/worker-rate-limit';
import { relayBetweenWorkers } from './worker-relay';

// WEB_CONCURRENCY=N: this process starts what must exist once (the embedded PostgreSQL, the
// migrations, the seed), then N workers that each run the service on the same port (the cluster
// module hands them connections in turn), each with its own pool of DB_POOL_SIZE connections. On
// SIGINT/SIGTERM/SIGHUP every worker shuts down as a single process does (in-flight requests get
// SHUTDOWN_GRACE_MS), then the embedded PostgreSQL stops. A worker that dies is replaced; one that
// dies before it ever listened (a setting it cannot work with, say) stops them all.

const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Whether this process should run the workers rather than the service itself. */
export function isClusterPrimary(config: Config): boolean {
  return config.WEB_CONCURRENCY > 1 && cluster.isPrimary;
}

export function runClusterPrimary(config: Config, logger: Logger): void {
  const log = (line: string) => logger.info(line);
  let database: OpenDatabase | undefined;
  let stopRequested = false;
  let stopping: Promise<void> | undefined;
  const listening = new Set<Worker>();
  // A function, not the variable: a signal handler sets it while start-up awaits.
  const cancelled = () => stopRequested;

  const fork = (url: string) => {
    const worker = cluster.fork({ DATABASE_URL: url, MIGRATIONS_RUN: 'false', SEED_ON_START: 'false' });
    worker.once('listening', () => {
      listening.add(worker);
      log(`Worker ${worker.id} (pid ${worker.process.pid}) is listening`);
      if (listening.size === config.WEB_CONCURRENCY)
        log(
          `Ready at http://localhost:${config.PORT}/graphql (${config.WEB_CONCURRENCY} workers) and the web UI at http://localhost:${config.PORT}/`,
        );
    });
    worker.once('exit', (code, signal) => {
      const started = listening.delete(worker);
      if (cancelled()) return;
      const how = signal ? `on ${signal}` : `with code ${code}`;
      if (!started) return stop(`Worker ${worker.process.pid} exited ${how} before it was ready`, 1);
      logger.error(`Worker ${worker.process.pid} exited ${how}; starting another in a second`);
      // A second's pause: a worker that keeps dying must not take the machine's cores with it.
      setTimeout(() => {
        if (!cancelled()) fork(url);
      }, 1000);
    });
  };

  const startup = (async () => {
    const prepared = await prepareDatabase(config, log, cancelled, (opened) => (database = opened));
    // The workers have pools of their own; this process keeps no connection.
    if (dataSource.isInitialized) await dataSource.destroy();
    if (!prepared || !database) return;
    // What the workers share without Redis goes through this process: write positions and change
    // events (worker-relay.ts), and rate limit counts (rate-limiter-flexible's cluster limiter).
    relayBetweenWorkers();
    countRateLimitsForWorkers(config);
    log(`Starting ${config.WEB_CONCURRENCY} workers, each with a pool of up to ${config.DB_POOL_SIZE} connections`);
    for (let i = 0; i < config.WEB_CONCURRENCY; i++) fork(database.url);
  })();

  function stop(reason: string, requestedExitCode: number): void {
    stopRequested = true;
    let exitCode = requestedExitCode;
    stopping ??= (async () => {
      log(`${reason}: shutting down`);
      // Start-up first reaches a safe point: the embedded PostgreSQL it may be starting is then
      // known (and stopped below), and no migration is left running on a DataSource destroyed under it.
      await startup.catch(() => {});
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
      if (workers.length) log(`Stopping ${workers.length} worker(s)`);
      // Each worker shuts down as `npm start` does on SIGTERM; the primary only waits for them.
      const codes = await Promise.all(
        workers.map(
          (worker) =>
            new Promise<number>((done) => {
              if (worker.isDead()) return done(worker.process.exitCode ?? 1);
              worker.once('exit', (code) => done(code));
              worker.process.kill('SIGTERM');
            }),
        ),
      );
      // A worker that could not stop cleanly (cut off by its own time limit) makes the whole stop unclean.
      if (codes.some((code) => code !== 0)) {
        logger.error(`Worker exit codes: ${codes.join(', ')}`);
        exitCode ||= 1;
      }
      if (dataSource.isInitialized) await dataSource.destroy();
      await database?.stopEmbedded();
      log('Stopped');
      process.exitCode = exitCode;
    })().catch((error: unknown) => {
      logger.fatal({ err: error }, 'Shutdown failed');
      process.exit(1);
    });
  }
  for (const signal of stopSignals) process.on(signal, () => stop(signal, 0));

  startup.catch((error: unknown) => {
    logger.fatal({ err: error }, `Could not start: ${error instanceof Error ? error.message : String(error)}`);
    stop('Start-up failed', 1);
  });
}

/**
 * In a worker, once the service has stopped: the IPC channel to the primary would keep the process
 * alive (and its own time limit would then end it with code 1); closing it lets the process end
 * as a single one does.
 */
export function workerStopped(): void {
  if (cluster.isWorker) cluster.worker?.disconnect();
}
