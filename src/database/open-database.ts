import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { embeddedDatabaseUrl } from './data-source-options';
import { isDatabaseUnavailable } from './database-errors';
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
export async function ensureDatabase(config: Config, log: (line: string) => void, options: { share: boolean }): Promise<OpenDatabase> {
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

export interface ConnectOptions {
  runMigrations: boolean;
  /** How long to keep trying while the database is unreachable (it may be starting too). */
  waitMs: number;
  log: (line: string) => void;
  /** Gives up waiting as soon as this says so (a stop was requested). */
  cancelled?: () => boolean;
}

/** Connects, waiting for a database that is not up yet, then applies pending migrations if asked. */
export async function connect(db: DataSource, url: string, options: ConnectOptions): Promise<void> {
  db.setOptions({ url });
  const deadline = Date.now() + options.waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await db.initialize();
      break;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() >= deadline || options.cancelled?.()) throw error;
      if (attempt === 1) options.log(`The database is not reachable yet; retrying for up to ${options.waitMs / 1000} s`);
      await new Promise((done) => setTimeout(done, 1000));
    }
  }
  if (options.runMigrations) await db.runMigrations({ transaction: 'each' });
}
