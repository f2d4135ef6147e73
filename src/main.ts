// First: tracing, when configured, must be running before express, pg and graphql are required.
import { tracing } from './tracing/start';
import 'reflect-metadata';
import { dataSource } from '../ormconfig';
import { isClusterPrimary, runClusterPrimary, workerStopped } from './cluster';
import { usesDevelopmentSecret } from './auth/tokens';
import { createLogger } from './common/logger';
import { loadConfigOrExit } from './config';
import { closeDatabase } from './database/close-database';
import type { OpenDatabase } from './database/open-database';
import { sqlLogger } from './database/sql-logger';
import { createAppServer, type AppServer } from './server';
import { prepareDatabase } from './startup';

// SIGHUP too: closing the terminal must not leave the embedded PostgreSQL running.
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function main(): void {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const log = (line: string) => logger.info(line);
  // WEB_CONCURRENCY > 1: this process starts the database and the workers, which run what follows.
  if (isClusterPrimary(config)) return runClusterPrimary(config, logger);
  if (tracing) {
    tracing.reportProblemsTo(logger);
    log(tracing.summary);
  }
  if (usesDevelopmentSecret(config)) {
    // Anyone can sign with the development secret: fine on a laptop, fatal on the internet.
    logger.warn(
      `Accepting tokens signed with the built-in development secret (NODE_ENV=${config.NODE_ENV}). ` +
        'Set NODE_ENV=production and JWT_SECRET or JWT_JWKS_URL before exposing this service.',
    );
  }
  let database: OpenDatabase | undefined;
  let server: AppServer | undefined;
  let stopRequested = false;
  // A function, not the variable: a signal handler sets it while start-up awaits.
  const cancelled = () => stopRequested;

  const startup = (async () => {
    if (!(await prepareDatabase(config, log, cancelled, (opened) => (database = opened)))) return;
    server = await createAppServer(dataSource, config, logger, tracing?.requests);
    const url = await server.listen(config.PORT);
    log(
      `Ready at ${url}${config.INTROSPECTION ? ' (open it in a browser for Apollo Sandbox)' : ''} and the web UI at ${new URL('/', url).href}`,
    );
  })();

  let stopping: Promise<void> | undefined;
  // npm forwards Ctrl-C as well, so a signal may arrive twice: stop once.
  const stop = (reason: string, exitCode: number) => {
    stopRequested = true;
    stopping ??= (async () => {
      log(`${reason}: shutting down`);
      // From here on the pool's complaints are expected: on Ctrl-C postgres gets the signal too.
      sqlLogger(dataSource).markClosing();
      await startup.catch(() => {});
      // In-flight requests get SHUTDOWN_GRACE_MS (the HTTP drain); this bounds everything else.
      setTimeout(() => {
        logger.fatal('Shutdown took too long; exiting anyway');
        process.exit(1);
      }, config.SHUTDOWN_GRACE_MS + 15_000).unref();
      // New connections are refused at once; requests still running when the grace period ends are cut off.
      await server?.stop();
      // Every request has ended, and its spans with it: they are exported while the database closes.
      const lastTraces = tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'Could not export the last traces'));
      // Their statements may still be waiting in PostgreSQL: closing the database ends them.
      const cutOff = dataSource.isInitialized ? await closeDatabase(dataSource) : 0;
      if (cutOff) logger.warn(`Ended ${cutOff} database session(s) of requests still running after SHUTDOWN_GRACE_MS`);
      await database?.stopEmbedded();
      await lastTraces;
      log('Stopped');
      process.exitCode = exitCode;
      workerStopped();
    })().catch((error: unknown) => {
      logger.fatal({ err: error }, 'Shutdown failed');
      process.exit(1);
    });
  };
  for (const signal of stopSignals) process.on(signal, () => stop(signal, 0));

  startup.catch((error: unknown) => {
    logger.fatal({ err: error }, `Could not start: ${error instanceof Error ? error.message : String(error)}`);
    stop('Start-up failed', 1);
  });
}

main();
