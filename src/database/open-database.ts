import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { embeddedDatabaseUrl } from './data-source-options';
import { runningServerPort, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  /** Stops the embedded server if this process started one. */
  stopEmbedded(): Promise<void>;
}

/**
 * Makes sure the configured database is reachable: DATABASE_URL as it is, or else the embedded
 * PostgreSQL under EMBEDDED_PG_DIR: the one already running there (`npm run seed` while
 * `npm start` runs), or one started (and created on first use) here.
 */
export async function ensureDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, stopEmbedded: async () => {} };
  }
  const runningPort = await runningServerPort(config.EMBEDDED_PG_DIR);
  if (runningPort) {
    log(`Using the embedded PostgreSQL already running (data in ${config.EMBEDDED_PG_DIR}, port ${runningPort})`);
    return { url: embeddedDatabaseUrl(runningPort), stopEmbedded: async () => {} };
  }
  log(`Starting embedded PostgreSQL (data in ${config.EMBEDDED_PG_DIR}, port ${config.EMBEDDED_PG_PORT})`);
  const embedded = await startEmbeddedPostgres({
    dataDir: config.EMBEDDED_PG_DIR,
    port: config.EMBEDDED_PG_PORT,
  });
  return { url: embedded.url, stopEmbedded: () => embedded.stop() };
}

/** Connects, then applies pending migrations when asked to. */
export async function connect(db: DataSource, url: string, runMigrations: boolean): Promise<void> {
  db.setOptions({ url });
  await db.initialize();
  if (runMigrations) await db.runMigrations({ transaction: 'each' });
}
