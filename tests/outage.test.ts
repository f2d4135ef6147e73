import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { captureLogs } from './support/captured-logs';
import { postgresProcess, type PostgresProcess } from './support/postgres-process';
import { exitOf, freePort, killLeftoverServices, post, spawnService } from './support/service-process';
import { startAppOn, type TestApp } from './support/test-app';

// The database goes away under a running service and comes back: requests fail fast with
// SERVICE_UNAVAILABLE, /readyz says so, the process stays up, and it recovers by itself.

let postgres: PostgresProcess;
let app: TestApp;
const logs = captureLogs();

const profile = '{ person(handle: "petercai") { name roles { company } } }';

beforeAll(async () => {
  postgres = await postgresProcess('outage-test');
  const url = await postgres.start();
  app = await startAppOn(url, { NODE_ENV: 'production', DB_CONNECT_TIMEOUT_MS: 1000 }, logs.logger);
  await loadProfile(app.db, peterCai);
});

afterAll(async () => {
  killLeftoverServices();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await app?.close();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await postgres?.remove();
});

test('fails fast while the database is down, then recovers without a restart', async () => {
  expect((await app.query(profile)).data).toMatchObject({ person: { name: 'Peter Cai' } });

  await postgres.stop();

  const started = Date.now();
  const down = await app.query(profile);
  expect(Date.now() - started).toBeLessThan(3000);
  expect(down.errors?.[0]).toEqual({
    message: expect.stringMatching(/database is unavailable/),
    locations: expect.any(Array),
    path: ['person'],
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
  expect(JSON.stringify(down)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
  const notReady = await fetch(new URL('/readyz', app.url));
  expect(notReady.status).toBe(503);
  expect((await fetch(new URL('/healthz', app.url))).status).toBe(200);
  const list = await app.query('{ people { totalCount } }');
  expect(list.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

  await postgres.start();

  let recovered = await app.query(profile);
  for (let attempt = 0; attempt < 30 && recovered.errors; attempt++) {
    await new Promise((done) => setTimeout(done, 500));
    recovered = await app.query(profile);
  }
  expect(recovered.errors).toBeUndefined();
  expect(recovered.data).toMatchObject({ person: { name: 'Peter Cai', roles: expect.any(Array) } });
  expect((await fetch(new URL('/readyz', app.url))).status).toBe(200);
});

test('at start-up, a database that is not up yet is waited for (DB_STARTUP_WAIT_MS), then served', async () => {
  await postgres.stop();
  const service = spawnService({
    NODE_ENV: 'production',
    PORT: String(await freePort()),
    DATABASE_URL: `postgres://postgres:password@127.0.0.1:${postgres.port}/profilegraph`,
    DB_STARTUP_WAIT_MS: '30000',
  });
  await service.waitFor(/not reachable yet; retrying/);
  await postgres.start();
  const [, url] = await service.waitFor(/Ready at (http:\/\/[^\s"]+)/);
  expect((await post<{ person: { name: string } }>(url ?? '', profile)).person.name).toBe('Peter Cai');
  service.signal('SIGTERM');
  expect(await exitOf(service)).toBe(0);
});

test('at start-up, a database that stays down past DB_STARTUP_WAIT_MS stops the service with exit 1', async () => {
  const service = spawnService({
    PORT: String(await freePort()),
    DATABASE_URL: `postgres://postgres:password@127.0.0.1:${await freePort()}/nowhere`,
    DB_STARTUP_WAIT_MS: '1500',
  });
  expect(await exitOf(service)).toBe(1);
  expect(service.output()).toMatch(/Could not start: .*ECONNREFUSED/);
});
