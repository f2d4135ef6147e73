import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { exitOf, freePort, killLeftoverServices, post, startService, type ServiceProcess } from './support/service-process';
import { databaseUrl, maintenanceUrl } from './support/test-postgres';

const execFileAsync = promisify(execFile);

// The service as `npm start` runs it: a separate process, its own embedded PostgreSQL, signals.

const dataDir = join(tmpdir(), `profilegraph-service-test-${process.pid}`);
const postgresDir = join(dataDir, 'postgres');

afterAll(async () => {
  killLeftoverServices();
  await rm(dataDir, { recursive: true, force: true });
});

const profileQuery = '{ person(handle: "petercai") { name createdAt skills { name } } people { totalCount } }';
interface Profile {
  person: { name: string; createdAt: string; skills: unknown[] } | null;
  people: { totalCount: number };
}

test('with no DATABASE_URL: starts an embedded PostgreSQL, seeds it once, stops cleanly, keeps the data', async () => {
  const env = { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DIR: postgresDir };

  const first = await startService(env);
  expect(first.output()).toContain('Starting embedded PostgreSQL');
  expect(first.output()).toContain('Loaded the seed profiles: petercai');
  const before = await post<Profile>(first.url, profileQuery);
  expect(before.person).toMatchObject({ name: 'Peter Cai' });
  expect(before.person?.skills).toHaveLength(60);
  const landing = await fetch(first.url, { headers: { accept: 'text/html' } });
  expect(await landing.text()).toContain('EmbeddedSandbox');

  // npm run seed beside the running service shares its database and leaves one copy.
  const { stdout } = await execFileAsync(process.execPath, [resolve(__dirname, '../dist/src/scripts/seed.js')], {
    env: { ...process.env, ...env, DATABASE_URL: '' },
  });
  expect(stdout).toContain('Using the embedded PostgreSQL already running');
  expect((await post<Profile>(first.url, profileQuery)).people.totalCount).toBe(1);

  first.interrupt();
  expect(await exitOf(first)).toBe(0);
  expect(first.output()).toContain('Stopped');
  expect(existsSync(join(postgresDir, 'postmaster.pid'))).toBe(false);

  const second = await startService(env);
  expect(second.output()).not.toContain('Loaded the seed');
  const after = await post<Profile>(second.url, profileQuery);
  expect(after).toEqual(before);

  second.terminate();
  expect(await exitOf(second)).toBe(0);
  expect(existsSync(join(postgresDir, 'postmaster.pid'))).toBe(false);
});

test('with DATABASE_URL: uses that database and starts no embedded one', async () => {
  const database = `profilegraph_service_${process.pid}`;
  const admin = new Client({ connectionString: maintenanceUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  try {
    const unusedDir = join(dataDir, 'never-created');
    const service = await startService({
      PORT: String(await freePort()),
      DATABASE_URL: databaseUrl(database),
      EMBEDDED_PG_DIR: unusedDir,
    });
    expect(service.output()).not.toContain('embedded');
    expect((await post<Profile>(service.url, profileQuery)).person?.name).toBe('Peter Cai');
    service.terminate();
    expect(await exitOf(service)).toBe(0);
    expect(existsSync(unusedDir)).toBe(false);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
});

/** Expects the service to exit at start-up; stops it if it came up after all. */
async function expectStartFailure(env: Record<string, string>, output: RegExp): Promise<void> {
  const outcome: ServiceProcess | Error = await startService(env).catch((error: Error) => error);
  if (!(outcome instanceof Error)) {
    outcome.terminate();
    await exitOf(outcome);
    throw new Error('the service started although it should not have');
  }
  expect(outcome.message).toMatch(/exited with 1/);
  expect(outcome.message).toMatch(output);
}

test('a bad setting stops it at once, naming the setting', async () => {
  await expectStartFailure({ PORT: 'eighty', DATABASE_URL: 'postgres://127.0.0.1:1/x' }, /PORT/);
});

const asRoot = process.getuid?.() === 0 ? test : test.skip;

asRoot('as root, a data folder the postgres user cannot reach is refused with a way out', async () => {
  const closed = await mkdtemp(join(tmpdir(), 'profilegraph-closed-'));
  try {
    const env = { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
    await expectStartFailure({ ...env, EMBEDDED_PG_DIR: join(closed, 'data', 'postgres') }, /cannot enter[\s\S]*EMBEDDED_PG_DIR/);
  } finally {
    await rm(closed, { recursive: true, force: true });
  }
});
