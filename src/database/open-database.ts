import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { embeddedDatabaseUrl } from './data-source-options';
import { runningServer, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  /** Stops the embedded server if this process started one. */
  stopEmbedded(): Promise<void>;
}

/**
 * Makes sure the configured database is reachable: DATABASE_URL as it is, or else the embedded
 * PostgreSQL under EMBEDDED_PG_DIR, started (and created on first use) here. A short-lived script
 * (`npm run seed` while `npm start` runs) may `share` one that another process already runs; the
 * service itself may not, since the process that started that server will stop it.
 */
export async function ensureDatabase(
  config: Config,
  log: (line: string) => void,
  options: { share: boolean },
): Promise<OpenDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, stopEmbedded: async () => {} };
  }
  const running = await runningServer(config.EMBEDDED_PG_DIR);
  if (running && options.share) {
    log(`Using the embedded PostgreSQL already running (data in ${config.EMBEDDED_PG_DIR}, port ${running.port})`);
    return { url: embeddedDatabaseUrl(running.port), stopEmbedded: async () => {} };
  }
  if (running) {
    throw new Error(
      `PostgreSQL (pid ${running.pid}) is already running on ${config.EMBEDDED_PG_DIR}: is the service running ` +
        `in another terminal? Stop it (or \`kill ${running.pid}\` if it was left behind), or set EMBEDDED_PG_DIR.`,
    );
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
