import 'reflect-metadata';
import { dataSource } from '../ormconfig';
import { loadConfigOrExit } from './config';
import { connect, ensureDatabase, type OpenDatabase } from './database/open-database';
import { sqlLogger } from './database/sql-logger';
import { seedProfiles } from './seed';
import { seedIfEmpty } from './seed/load-profile';
import { createAppServer, type AppServer } from './server';

const log = (line: string) => console.log(`[profilegraph] ${line}`);
const shutdownTimeoutMs = 20_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  let database: OpenDatabase | undefined;
  let server: AppServer | undefined;

  let shuttingDown: Promise<void> | undefined;
  // npm forwards Ctrl-C as well, so a signal may arrive twice: shut down once.
  const shutdown = (reason: string, exitCode: number) => {
    shuttingDown ??= (async () => {
      log(`${reason}: shutting down`);
      setTimeout(() => {
        console.error('[profilegraph] Shutdown took too long; exiting anyway');
        process.exit(1);
      }, shutdownTimeoutMs).unref();
      await server?.stop();
      sqlLogger(dataSource).markClosing();
      if (dataSource.isInitialized) await dataSource.destroy();
      await database?.stopEmbedded();
      log('Stopped');
      process.exitCode = exitCode;
    })().catch((error: unknown) => {
      console.error('[profilegraph] Shutdown failed:', error);
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
    server = await createAppServer(dataSource, config);
    const url = await server.listen(config.PORT);
    log(`Ready at ${url}${config.INTROSPECTION ? ' (open it in a browser for Apollo Sandbox)' : ''}`);
  } catch (error) {
    console.error('[profilegraph] Could not start:', error);
    await shutdown('Start-up failed', 1);
  }
}

void main();
