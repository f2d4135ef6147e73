import 'reflect-metadata';
import { dataSource } from '../ormconfig';
import { createLogger } from './common/logger';
import { loadConfigOrExit } from './config';
import { connect, ensureDatabase, type OpenDatabase } from './database/open-database';
import { sqlLogger } from './database/sql-logger';
import { seedProfiles } from './seed';
import { seedIfEmpty } from './seed/load-profile';
import { createAppServer, type AppServer } from './server';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const log = (line: string) => logger.info(line);
  let database: OpenDatabase | undefined;
  let server: AppServer | undefined;

  let shuttingDown: Promise<void> | undefined;
  // npm forwards Ctrl-C as well, so a signal may arrive twice: shut down once.
  const shutdown = (reason: string, exitCode: number) => {
    shuttingDown ??= (async () => {
      log(`${reason}: shutting down`);
      // The HTTP drain is bounded by SHUTDOWN_GRACE_MS; this bounds everything else too.
      setTimeout(() => {
        logger.fatal('Shutdown took too long; exiting anyway');
        process.exit(1);
      }, config.SHUTDOWN_GRACE_MS + 15_000).unref();
      await server?.stop();
      sqlLogger(dataSource).markClosing();
      if (dataSource.isInitialized) await dataSource.destroy();
      await database?.stopEmbedded();
      log('Stopped');
      process.exitCode = exitCode;
    })().catch((error: unknown) => {
      logger.fatal({ err: error }, 'Shutdown failed');
      process.exit(1);
    });
    return shuttingDown;
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  try {
    database = await ensureDatabase(config, log);
    await connect(dataSource, database.url, config.MIGRATIONS_RUN);
    if (config.SEED_ON_START && (await seedIfEmpty(dataSource, seedProfiles))) {
      log(`Loaded the seed profiles: ${seedProfiles.map((profile) => profile.handle).join(', ')}`);
    }
    server = await createAppServer(dataSource, config, logger);
    const url = await server.listen(config.PORT);
    log(`Ready at ${url}${config.INTROSPECTION ? ' (open it in a browser for Apollo Sandbox)' : ''}`);
  } catch (error) {
    logger.fatal({ err: error }, `Could not start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown('Start-up failed', 1);
  }
}

void main();
