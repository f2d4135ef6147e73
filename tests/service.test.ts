import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { exitOf, freePort, post, startService } from './support/service-process';
import { databaseUrl, maintenanceUrl } from './support/test-postgres';

// The service as `npm start` runs it: a separate process, its own embedded PostgreSQL, signals.

const dataDir = resolve(__dirname, `../.data/service-test-${process.pid}`);
const postgresDir = join(dataDir, 'postgres');

afterAll(() => rm(dataDir, { recursive: true, force: true }));

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

test('a bad setting stops it at once, naming the setting', async () => {
  await expect(startService({ PORT: 'eighty', DATABASE_URL: 'postgres://127.0.0.1:1/x' })).rejects.toThrow(
    /exited with 1[\s\S]*PORT/,
  );
});
