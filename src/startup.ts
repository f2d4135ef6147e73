import { dataSource } from '../ormconfig';
import type { Config } from './config';
import { connect, ensureDatabase, type OpenDatabase } from './database/open-database';
import { seedProfiles } from './seed';
import { seedIfEmpty } from './seed/load-profile';

/**
 * What start-up does once, before serving: the database (the embedded one started when
 * DATABASE_URL is unset), the migrations, the seed. Shared by the single process (main.ts) and the
 * cluster's primary. Each step checks whether a stop was asked for meanwhile, so that a signal
 * during start-up stops it at the next safe point instead of being overtaken by it; `opened`
 * hears of the database as soon as there is one to stop. Resolves to false when stopped early.
 */
export async function prepareDatabase(
  config: Config,
  log: (line: string) => void,
  cancelled: () => boolean,
  opened: (database: OpenDatabase) => void,
): Promise<boolean> {
  const database = await ensureDatabase(config, log, { share: false });
  opened(database);
  if (cancelled()) return false;
  await connect(dataSource, database.url, { runMigrations: config.MIGRATIONS_RUN, waitMs: config.DB_STARTUP_WAIT_MS, log, cancelled });
  if (cancelled()) return false;
  if (config.SEED_ON_START && (await seedIfEmpty(dataSource, seedProfiles))) {
    log(`Loaded the seed profiles: ${seedProfiles.map((profile) => profile.handle).join(', ')}`);
  }
  return !cancelled();
}
