import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { exitOf, freePort, killLeftoverServices, post, spawnService, startService, type ServiceProcess } from './support/service-process';
import { databaseUrl, maintenanceUrl } from './support/test-postgres';

const execFileAsync = promisify(execFile);

// The service as `npm start` runs it: a separate process, its own embedded PostgreSQL, signals.
// NODE_ENV is set as a user would set it (jest's own NODE_ENV=test is not passed on).

const dataDir = join(tmpdir(), `profilegraph-service-test-${process.pid}`);

afterAll(async () => {
  killLeftoverServices();
  await rm(dataDir, { recursive: true, force: true });
});

async function embeddedEnv(name: string) {
  return {
    NODE_ENV: 'production',
    PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    EMBEDDED_PG_DIR: join(dataDir, name, 'postgres'),
  };
}

function postgresIsRunning(env: { EMBEDDED_PG_DIR: string }): boolean {
  return existsSync(join(env.EMBEDDED_PG_DIR, 'postmaster.pid'));
}

const profileQuery = '{ person(handle: "petercai") { name createdAt skills { name } } people { totalCount } }';
interface Profile {
  person: { name: string; createdAt: string; skills: unknown[] } | null;
  people: { totalCount: number };
}

test('with no DATABASE_URL: starts an embedded PostgreSQL, seeds it once, stops cleanly, keeps the data', async () => {
  const env = await embeddedEnv('main');

  const first = await startService(env);
  expect(first.output()).toContain('Starting embedded PostgreSQL');
  expect(first.output()).toContain('Loaded the seed profiles: petercai');
  // The start-up line names both ways in: the GraphQL endpoint and the web UI.
  const ready = first
    .output()
    .split('\n')
    .find((line) => line.includes(`Ready at ${first.url}`));
  expect(ready).toContain(`and the web UI at ${new URL('/', first.url).href}"`);
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

  // A second service on the same data folder is refused: the first one will stop that server.
  const second = spawnService({ ...env, PORT: String(await freePort()) });
  expect(await exitOf(second)).toBe(1);
  expect(second.output()).toMatch(/already running on/);

  first.interrupt();
  expect(await exitOf(first)).toBe(0);
  expect(first.output()).toContain('Stopped');
  expect(postgresIsRunning(env)).toBe(false);

  const restarted = await startService(env);
  expect(restarted.output()).not.toContain('Loaded the seed');
  const after = await post<Profile>(restarted.url, profileQuery);
  expect(after).toEqual(before);

  // SIGTERM to the service alone: it must stop its PostgreSQL itself.
  restarted.signal('SIGTERM');
  expect(await exitOf(restarted)).toBe(0);
  expect(postgresIsRunning(env)).toBe(false);
});

test('SIGHUP (the terminal closing) stops the service and its PostgreSQL', async () => {
  const env = await embeddedEnv('hangup');
  const service = await startService(env);
  service.signal('SIGHUP');
  expect(await exitOf(service)).toBe(0);
  expect(postgresIsRunning(env)).toBe(false);
});

test('a signal during start-up stops it at the next safe point, not after it is up', async () => {
  const env = await embeddedEnv('early');
  const service: ServiceProcess = spawnService(env);
  await service.waitFor(/Starting embedded PostgreSQL/);
  service.signal('SIGTERM');
  expect(await exitOf(service)).toBe(0);
  expect(service.output()).not.toContain('Ready at');
  expect(service.output()).toContain('Stopped');
  expect(postgresIsRunning(env)).toBe(false);
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
    service.signal('SIGTERM');
    expect(await exitOf(service)).toBe(0);
    expect(existsSync(unusedDir)).toBe(false);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
});

/** Expects the service to exit with 1 at start-up, printing `output`. */
async function expectStartFailure(env: Record<string, string>, output: RegExp): Promise<void> {
  const service = spawnService(env);
  expect(await exitOf(service)).toBe(1);
  expect(service.output()).toMatch(output);
  expect(service.output()).not.toContain('Ready at');
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
