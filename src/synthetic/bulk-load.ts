import { Client, type ClientBase } from 'pg';
import { copyTables, replaceByCopy } from './copy-load';
import { inParallel } from './parallel';
import { buildSkillCatalogue } from './catalogue';
import { syntheticSubjectPrefix } from './people';
import { rowBatches } from './row-batches';
import type { IdBases } from './rows';
import { leftoverCount, restoreIndexes, restoreSaved, saveAndDrop } from './saved-ddl';
import { catalogueSkillIds } from './skill-rows';

export interface SyntheticLoadOptions {
  people: number;
  seed: number;
  log?: (line: string) => void;
}

export interface Phase {
  name: string;
  ms: number;
}

export interface SyntheticLoadReport {
  phases: Phase[];
  totalMs: number;
  rows: Record<string, number>;
}

/**
 * The tables a load writes into directly or through their triggers, and the search sample, which
 * it refills: it too is written fastest without its (GIN) indexes, built once afterwards.
 */
const loadedTables = ['person', 'role', 'degree', 'person_skill', 'person_search', 'person_search_sample'];

// Two cores here: more connections than that only take turns.
const workerConnections = 2;
// Generating rows costs this process more CPU than COPY costs PostgreSQL: two threads keep the
// four streams fed (and, on a busy machine, get their share of the cores).
const generatorThreads = 2;

// Only one load at a time per database: two would drop each other's indexes.
const advisoryLockKey = 'profilegraph synthetic load';

async function openClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'profilegraph-seed-synthetic' });
  await client.connect();
  // Bulk statements run for many seconds: no statement timeout, whatever the server or role sets.
  // Index builds want memory. They run two or three at a time, already more than the cores here:
  // parallel workers would only add their own cost (a btree of person_skill took 2.8 s of CPU
  // alone, 4.1 s with two workers, at 100k people).
  await client.query(
    `SET statement_timeout = 0; SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0; SET synchronous_commit = off`,
  );
  return client;
}

async function lockOutOtherLoads(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [advisoryLockKey]);
  if (!rows[0]?.locked) throw new Error('Another synthetic load is running on this database');
}

/** Rebuilds what a load that died half-way left dropped (run before migrations touch the tables). */
export async function restoreAfterFailedLoad(url: string, log: (line: string) => void = () => {}): Promise<void> {
  const clients = await Promise.all(Array.from({ length: workerConnections }, () => openClient(url)));
  try {
    // A load that is still running has its definitions saved too: those are not leftovers.
    const control = clients[0] as Client;
    await lockOutOtherLoads(control);
    const leftovers = await leftoverCount(control);
    if (!leftovers) return;
    log(`A previous load did not finish: rebuilding the ${leftovers} indexes, keys and triggers it left dropped`);
    await restoreSaved(clients);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/**
 * Replaces the synthetic people (subject `synthetic|<n>`) in the database at `url` with
 * `options.people` new ones, leaving every other profile as it is. The schema must be migrated.
 */
export async function loadSyntheticPeople(url: string, options: SyntheticLoadOptions): Promise<SyntheticLoadReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const phases: Phase[] = [];
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const phaseStarted = performance.now();
    const result = await work();
    phases.push({ name, ms: performance.now() - phaseStarted });
    log(`${name}: ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`);
    return result;
  };

  const control = await openClient(url);
  const copiers = await Promise.all(copyTables.map(() => openClient(url)));
  try {
    await lockOutOtherLoads(control);
    const workers = copiers.slice(0, workerConnections);

    const { skillIds, others, bases } = await timed('prepare', async () => {
      if (await leftoverCount(control)) await restoreSaved(workers);
      return {
        skillIds: await catalogueSkillIds(control, buildSkillCatalogue()),
        others: await otherPeople(control),
        bases: await idBases(control),
      };
    });

    const saved = await timed('drop indexes, keys, triggers', () => saveAndDrop(control, loadedTables));
    log(`(${saved} indexes, constraints and triggers saved and dropped)`);
    // A third connection works beside the two workers: each step below has a part that must wait
    // for another (the search documents for the role index, the sample for the documents) and
    // parts that need not, and on one connection those would leave a core idle meanwhile.
    const side = copiers[workerConnections] as Client;
    try {
      const setup = { seed: options.seed, bases, skillIds, takenHandles: [...others.handles] };
      const [person, role, degree, personSkill] = copiers as [Client, Client, Client, Client];
      await timed('generate + copy', () =>
        replaceByCopy({ person, role, degree, person_skill: personSkill }, others.ids, rowBatches(setup, options.people, generatorThreads)),
      );
      await allOf([
        async () => {
          // refresh_person_search looks roles up by "personId" = ANY(ids): without an index that is a
          // linear search of the array for every role (minutes, not seconds).
          await timed('role index', () => restoreIndexes(workers, ['role']));
          await timed('search documents', () => refreshSearch(workers, bases.person + 1, bases.person + options.people));
        },
        async () => {
          await timed('skill counts (beside them)', () => side.query('SELECT recount_skill_people()'));
          await timed('other indexes (beside them)', () => restoreIndexes([side], ['person', 'degree', 'person_skill']));
        },
      ]);
      await allOf([
        () => timed('search indexes', () => restoreIndexes(workers, ['person_search'])),
        async () => {
          await timed('search sample (beside them)', async () => {
            await refreshSample(side);
            await restoreIndexes([side], ['person_search_sample']);
          });
          await timed('vacuum analyze (beside them)', () =>
            vacuumAnalyze([side], ['person', 'role', 'degree', 'person_skill', 'skill', 'person_search_sample']),
          );
        },
      ]);
    } finally {
      const restored = await restoreSaved(workers);
      phases.push({ name: 'rebuild indexes', ms: restored.indexesMs }, { name: 'rebuild keys, triggers', ms: restored.keysMs });
      log(`rebuild indexes: ${(restored.indexesMs / 1000).toFixed(1)} s`);
      log(`rebuild keys, triggers: ${(restored.keysMs / 1000).toFixed(1)} s`);
    }
    await timed('sequences', () => advanceSequences(control));
    await timed('vacuum analyze', () => vacuumAnalyze(workers, ['person_search']));
    return { phases, totalMs: performance.now() - started, rows: await rowCounts(control) };
  } finally {
    await Promise.allSettled([control, ...copiers].map((client) => client.end()));
  }
}

/** The people who stay: everyone not made by a previous load. */
async function otherPeople(client: ClientBase): Promise<{ ids: number[]; handles: Set<string> }> {
  const { rows } = await client.query<{ id: number; handle: string }>(
    `SELECT id, lower(handle) AS handle FROM person WHERE subject IS NULL OR subject NOT LIKE '${syntheticSubjectPrefix}%'`,
  );
  return { ids: rows.map((row) => row.id), handles: new Set(rows.map((row) => row.handle)) };
}

/**
 * New ids start above those of the people who stay (and their roles and degrees): a re-run gives
 * the same people the same ids, as long as no one else was added in between.
 */
async function idBases(client: ClientBase): Promise<IdBases> {
  const kept = `(SELECT id FROM person WHERE subject IS NULL OR subject NOT LIKE '${syntheticSubjectPrefix}%')`;
  const { rows } = await client.query<IdBases>(
    `SELECT (SELECT coalesce(max(id), 0) FROM ${kept} k) AS person,
            (SELECT coalesce(max(id), 0) FROM role WHERE "personId" IN ${kept}) AS role,
            (SELECT coalesce(max(id), 0) FROM degree WHERE "personId" IN ${kept}) AS degree`,
  );
  return rows[0] as IdBases;
}

// Computing the documents (to_tsvector) is the costly part: split it over the connections.
async function refreshSearch(clients: readonly ClientBase[], firstId: number, lastId: number): Promise<void> {
  const chunks = clients.length * 2;
  const size = Math.ceil((lastId - firstId + 1) / chunks);
  const ranges = Array.from({ length: chunks }, (_, i) => [firstId + i * size, Math.min(lastId, firstId + (i + 1) * size - 1)] as const);
  await inParallel(clients, ranges, async (client, [from, to]) => {
    if (from <= to) await client.query('SELECT refresh_person_search(array(SELECT generate_series($1::int, $2::int)))', [from, to]);
  });
}

/**
 * Runs `tracks` side by side, each on connections of its own. Only once every one has stopped does
 * a failure come out: the caller's clean-up must not run beside a track still at work.
 */
async function allOf(tracks: readonly (() => Promise<unknown>)[]): Promise<void> {
  const results = await Promise.allSettled(tracks.map((track) => track()));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

// Emptied first, in the same transaction (its indexes are dropped, its trigger on person_search
// off): the function's DELETE then has nothing to leave behind for VACUUM.
async function refreshSample(client: ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('TRUNCATE person_search_sample');
    await client.query('SELECT refresh_person_search_sample()');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function vacuumAnalyze(clients: readonly ClientBase[], tables: readonly string[]): Promise<void> {
  await inParallel(clients, tables, async (client, table) => {
    await client.query(`VACUUM (ANALYZE) ${table}`);
  });
}

// Explicit ids leave the identity sequences behind: move each past the largest id in its table
// (never back: ids handed out before may belong to deleted rows that someone still refers to).
async function advanceSequences(client: ClientBase): Promise<void> {
  for (const table of ['person', 'role', 'degree']) {
    const { rows } = await client.query<{ sequence: string }>(`SELECT pg_get_serial_sequence($1, 'id') AS sequence`, [table]);
    const sequence = rows[0]?.sequence;
    if (!sequence) throw new Error(`${table}.id has no sequence`);
    await client.query(`SELECT setval($1, greatest((SELECT max(id) FROM ${table}), (SELECT last_value FROM ${sequence}), 1))`, [sequence]);
  }
}

async function rowCounts(client: ClientBase): Promise<Record<string, number>> {
  const { rows } = await client.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM person) AS person, (SELECT count(*)::int FROM role) AS role,
            (SELECT count(*)::int FROM degree) AS degree, (SELECT count(*)::int FROM person_skill) AS person_skill,
            (SELECT count(*)::int FROM person_search) AS person_search, (SELECT count(*)::int FROM skill) AS skill`,
  );
  return rows[0] as Record<string, number>;
}
