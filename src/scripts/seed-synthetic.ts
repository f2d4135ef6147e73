import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { dataSource } from '../../ormconfig';
import { loadConfigOrExit } from '../config';
import { connect, ensureDatabase } from '../database/open-database';
import { seedProfiles } from '../seed';
import { seedIfEmpty } from '../seed/load-profile';
import { loadSyntheticPeople, restoreAfterFailedLoad, type SyntheticLoadReport } from '../synthetic/bulk-load';
import { maxDistinctPeople } from '../synthetic/timeline';

const usage = 'usage: npm run seed:synthetic -- --people <count> [--seed <integer>]';
const mostPeople = Math.min(1_000_000, maxDistinctPeople);

function integerOption(value: string | undefined, name: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}\n${usage}`);
  return number;
}

function printReport(report: SyntheticLoadReport, log: (line: string) => void): void {
  const width = Math.max(...report.phases.map((phase) => phase.name.length));
  log('Phase timings:');
  for (const phase of report.phases) log(`  ${phase.name.padEnd(width)}  ${(phase.ms / 1000).toFixed(1).padStart(6)} s`);
  log(`  ${'total'.padEnd(width)}  ${(report.totalMs / 1000).toFixed(1).padStart(6)} s`);
  log(
    `Rows now: ${Object.entries(report.rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ')}`,
  );
}

// npm run seed:synthetic -- --people 100000 [--seed 1]: replaces the synthetic people (and only
// them) with a new, deterministic set; see src/synthetic/bulk-load.ts.
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } } });
  const people = integerOption(values.people, 'people', 1, mostPeople);
  const seed = integerOption(values.seed, 'seed', 0, 2 ** 31 - 1);

  const config = loadConfigOrExit();
  const log = (line: string) => console.log(`[seed:synthetic] ${line}`);
  const database = await ensureDatabase(config, log, { share: true });
  try {
    await connect(dataSource, database.url, { runMigrations: false, waitMs: config.DB_STARTUP_WAIT_MS, log });
    // A load that died half-way left indexes dropped; migrations may expect them.
    await restoreAfterFailedLoad(database.url, log);
    if (config.MIGRATIONS_RUN) await dataSource.runMigrations({ transaction: 'each' });
    // As `npm start` would: once synthetic people exist, the database is no longer empty and
    // the service would never load the seed profile.
    if (config.SEED_ON_START && (await seedIfEmpty(dataSource, seedProfiles))) log('Loaded the seed profile into the empty database');
    await dataSource.destroy();
    log(`Loading ${people} synthetic people (seed ${seed})`);
    printReport(await loadSyntheticPeople(database.url, { people, seed, log }), log);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stopEmbedded();
  }
}

main().catch((error: unknown) => {
  console.error(`[seed:synthetic] Failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
