import { request } from 'node:http';
import { Client } from 'pg';
import { exitOf, freePort, killLeftoverServices, startService, type ReadyService } from './support/service-process';
import { createTestDatabase, type TestDatabase } from './support/test-app';
import { bearer } from './support/tokens';

// SIGTERM while requests are stuck in PostgreSQL. The test makes them slow the way production
// would: its own connection holds a lock on the person table that their statements wait for.
// Within SHUTDOWN_GRACE_MS they finish and the process exits 0; past it they are cut, their
// PostgreSQL sessions ended, and the process still exits 0 at once.

const jwtSecret = 'shutdown-drain-test-secret-0123456789';
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  killLeftoverServices();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await database?.drop();
});

function startServiceWithGrace(graceMs: number): Promise<ReadyService> {
  return freePort().then((port) =>
    startService({
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: database.url,
      JWT_SECRET: jwtSecret,
      SHUTDOWN_GRACE_MS: String(graceMs),
      // Far beyond the test: only the shutdown itself may end a blocked statement.
      DB_STATEMENT_TIMEOUT_MS: '120000',
    }),
  );
}

async function connectToDatabase(): Promise<Client> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  return client;
}

/** The service's connections in this database: all of them, and those waiting for a lock. */
async function serviceBackends(client: Client): Promise<{ all: number; waiting: number }> {
  const { rows } = await client.query<{ all: number; waiting: number }>(
    `SELECT count(*)::int AS all, (count(*) FILTER (WHERE wait_event_type = 'Lock'))::int AS waiting
       FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'profilegraph'`,
  );
  return rows[0] ?? { all: 0, waiting: 0 };
}

async function until(condition: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Holds ACCESS EXCLUSIVE on person from a connection of the test's own until release(). */
async function lockPersonTable(): Promise<{ release(): Promise<void> }> {
  const holder = await connectToDatabase();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE person IN ACCESS EXCLUSIVE MODE');
  return {
    async release() {
      await holder.query('COMMIT');
      await holder.end();
    },
  };
}

/**
 * A request on a fresh connection (no keep-alive socket from an earlier one): the error code of
 * its failure, or 'answered'.
 */
function newConnectionRequest(url: string): Promise<string> {
  return new Promise((done) => {
    const req = request(new URL('/healthz', url), { agent: false }, (res) => {
      res.resume();
      res.once('end', () => done('answered'));
    });
    req.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    req.end();
  });
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, authorization?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

const profilePage = '{ person(handle: "petercai") { id version name location skills { name } } }';
const updateLocation = 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { location version } } }';

async function petercai(url: string): Promise<{ id: string; version: number; location: string | null }> {
  const { body } = await graphql(url, profilePage);
  return body.data?.person as { id: string; version: number; location: string | null };
}

type Profile = Awaited<ReturnType<typeof petercai>>;

/** A read and a write of `profile` that will both wait for the lock on person. */
async function slowRequests(url: string, profile: Profile, location: string) {
  const owner = await bearer('petercai', { secret: jwtSecret });
  return {
    read: graphql(url, profilePage),
    write: graphql(url, updateLocation, { input: { id: profile.id, version: profile.version, location } }, owner),
  };
}

test('in-flight requests finish within SHUTDOWN_GRACE_MS while new connections are refused; exit 0', async () => {
  const graceMs = 8000;
  const service = await startServiceWithGrace(graceMs);
  const observer = await connectToDatabase();
  const before = await petercai(service.url);
  const lock = await lockPersonTable();
  try {
    const slow = await slowRequests(service.url, before, 'Drained');
    let finished = false;
    void Promise.allSettled([slow.read, slow.write]).then(() => (finished = true));
    await until(async () => (await serviceBackends(observer)).waiting === 2, 'both requests to wait for the lock');

    const signalled = Date.now();
    service.signal('SIGTERM');
    await service.waitFor(/SIGTERM: shutting down/);
    // Refused, not answered with an error: a load balancer then tries another instance.
    await until(async () => (await newConnectionRequest(service.url)) !== 'answered', 'the listener to close', 3000);
    expect(await newConnectionRequest(service.url)).toBe('ECONNREFUSED');
    expect(finished).toBe(false);

    await new Promise((done) => setTimeout(done, 1000));
    await lock.release();
    const [read, write] = await Promise.all([slow.read, slow.write]);
    expect(read).toEqual({ status: 200, body: { data: { person: expect.objectContaining({ name: 'Peter Cai' }) } } });
    expect(write).toEqual({
      status: 200,
      body: { data: { updatePerson: { person: { location: 'Drained', version: before.version + 1 } } } },
    });

    expect(await exitOf(service)).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(graceMs + 1000);
    expect(service.output()).toContain('Stopped');
  } finally {
    await lock.release().catch(() => {});
    await observer.end();
  }
});

test('past SHUTDOWN_GRACE_MS requests are cut and their database sessions ended; still exit 0, promptly', async () => {
  const graceMs = 1500;
  const service = await startServiceWithGrace(graceMs);
  const observer = await connectToDatabase();
  const before = await petercai(service.url);
  const lock = await lockPersonTable();
  try {
    const slow = await slowRequests(service.url, before, 'Never written');
    await until(async () => (await serviceBackends(observer)).waiting === 2, 'both requests to wait for the lock');

    const signalled = Date.now();
    service.signal('SIGTERM');
    // The client sees its connection closed (no answer rather than a made-up one), after the grace period.
    await expect(slow.read).rejects.toThrow();
    await expect(slow.write).rejects.toThrow();
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(graceMs);
    expect(await exitOf(service)).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(graceMs + 2000);
    expect(service.output()).not.toMatch(/took too long|Shutdown failed/);
    expect(service.output()).toContain('Ended 2 database session(s) of requests still running');

    // Ended in PostgreSQL, not merely abandoned: nothing of the service waits there any more.
    await until(async () => (await serviceBackends(observer)).all === 0, "the service's connections to end", 3000);
    await lock.release();
    // The write the client never got an answer for was rolled back.
    const after = await observer.query<{ version: number; location: string | null }>(
      `SELECT version, location FROM person WHERE handle = 'petercai'`,
    );
    expect(after.rows[0]).toEqual({ version: before.version, location: before.location });
  } finally {
    await lock.release().catch(() => {});
    await observer.end();
  }
});
