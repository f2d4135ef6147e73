import 'reflect-metadata';
import { dataSource } from '../../ormconfig';
import { loadConfigOrExit } from '../config';
import { connect, ensureDatabase } from '../database/open-database';
import { seedProfiles } from '../seed';
import { loadProfile } from '../seed/load-profile';

// npm run seed: (re)loads the seed profiles. Idempotent: each replaces the person with its handle.
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = (line: string) => console.log(`[seed] ${line}`);
  const database = await ensureDatabase(config, log, { share: true });
  try {
    await connect(dataSource, database.url, { runMigrations: config.MIGRATIONS_RUN, waitMs: config.DB_STARTUP_WAIT_MS, log });
    for (const profile of seedProfiles) {
      await loadProfile(dataSource, profile, profile.handle);
      log(`Loaded ${profile.handle}`);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stopEmbedded();
  }
}

main().catch((error: unknown) => {
  console.error('[seed] Failed:', error);
  process.exit(1);
});
