import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runningServer, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { loadProfile } from '../../src/seed/load-profile';
import { peterCai } from '../../src/seed/petercai';
import { freePort } from '../free-port';
import { syntheticProfile } from '../synthetic-profile';
import { hasNpmScript, projectRoot } from './project';

export interface BenchDatabase {
  url: string;
  /** Where the data is, for the report (no password). */
  description: string;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/** `--database-url` as given, or the bench's own persistent embedded PostgreSQL in `dataDir`. */
export async function openBenchDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
  sharedBuffers: string,
  log: Log,
): Promise<BenchDatabase> {
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    url.password = '';
    return { url: databaseUrl, description: url.toString(), stop: async () => {} };
  }
  const running = await runningServer(dataDir);
  if (running) {
    throw new Error(`PostgreSQL (pid ${running.pid}) already runs on ${dataDir}: is another benchmark running?`);
  }
  const port = await freePort();
  log(`Starting the benchmark's PostgreSQL (data in ${dataDir}, port ${port}, shared_buffers ${sharedBuffers})`);
  // PostgreSQL's own default (128MB) holds a tenth of 100,000 profiles: every server would then be
  // measured reading pages from the kernel's cache, which on a virtual machine costs a system call
  // per page and hides what the servers themselves cost.
  const settings = { shared_buffers: sharedBuffers, shared_preload_libraries: 'pg_stat_statements' };
  const embedded = await startEmbeddedPostgres({ dataDir, port, settings }).catch((error: unknown) => {
    // Its advice names EMBEDDED_PG_DIR, the service's setting; the benchmark's is --data-dir.
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n(For npm run bench: pass --data-dir.)`);
  });
  return { url: embedded.url, description: `embedded PostgreSQL in ${dataDir}`, stop: () => embedded.stop() };
}

/**
 * Reads every table and index of the schema into shared buffers (pg_prewarm), so that the first
 * server measured does not pay for the others' cold reads. Skipped, with a line saying so, where
 * the extension cannot be created (a PostgreSQL without contrib, a user who may not create it).
 */
export async function prewarm(url: string, log: Log): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    // The schema's tables and indexes, and the TOAST tables (with their indexes) that hold their long values.
    const { rows } = await client.query<{ blocks: string; size: string }>(`
      WITH own AS (SELECT oid, reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')),
      toast AS (SELECT reltoastrelid AS oid FROM own WHERE reltoastrelid <> 0),
      relations AS (SELECT oid FROM own UNION ALL SELECT oid FROM toast UNION ALL SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM toast))
      SELECT sum(pg_prewarm(oid))::text AS blocks, pg_size_pretty(sum(pg_relation_size(oid))) AS size FROM relations`);
    log(`Prewarmed ${rows[0]?.size ?? '0 bytes'} (${rows[0]?.blocks ?? 0} blocks) of tables and indexes into shared buffers`);
  } catch (error) {
    log(`Not prewarmed (${error instanceof Error ? error.message : String(error)}): the first rounds read from disk`);
  } finally {
    await client.end();
  }
}

export async function countPeople(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public.person') IS NOT NULL AS exists`);
    if (!tables[0]?.exists) return 0;
    const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM person');
    return rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * Makes sure the database holds at least `people` profiles: `npm run seed:synthetic` when this
 * checkout has it, else profiles loaded one by one (slow: for development sets of a few thousand).
 */
export async function ensurePeople(url: string, people: number, log: Log): Promise<number> {
  const before = await countPeople(url);
  if (before >= people) return before;
  await migrate(url);
  if (hasNpmScript('seed:synthetic')) {
    log(`${before} people in the database, ${people} wanted: npm run seed:synthetic -- --people ${people}`);
    await runSyntheticSeed(url, people);
  } else {
    log(`${before} people in the database, ${people} wanted; there is no seed:synthetic script, so loading them one by one`);
    await loadOneByOne(url, before, people, log);
  }
  const after = await countPeople(url);
  if (after < people) throw new Error(`the database holds ${after} people after seeding, not ${people}`);
  return after;
}

function runSyntheticSeed(url: string, people: number): Promise<void> {
  const child = spawn('npm', ['run', '-s', 'seed:synthetic', '--', '--people', String(people)], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'inherit',
  });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`npm run seed:synthetic exited with ${code}`))));
  });
}

function dataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: url, DB_POOL_SIZE: '4' })));
}

/** A new database (the first run on a fresh data folder) has no tables for a seeder to fill. */
async function migrate(url: string): Promise<void> {
  const db = dataSource(url);
  await db.initialize();
  try {
    await db.runMigrations();
  } finally {
    await db.destroy();
  }
}

async function loadOneByOne(url: string, from: number, to: number, log: Log): Promise<void> {
  const db = dataSource(url);
  await db.initialize();
  try {
    if (from === 0) await loadProfile(db, peterCai, peterCai.handle);
    let next = from;
    const worker = async () => {
      for (let n = next++; n < to; n = next++) {
        await loadProfile(db, syntheticProfile(n));
        if (n % 1000 === 0) log(`  ${n} of ${to}`);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    await db.query('ANALYZE');
  } finally {
    await db.destroy();
  }
}
