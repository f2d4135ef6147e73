import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { estimatedCost } from '../../src/common/query-limits';
import { createSchema } from '../../src/schema';
import { liveClient, subscribe } from '../support/live-client';
import { exitOf, freePort, killLeftoverServices, spawnService, type ServiceProcess } from '../support/service-process';
import { createTestDatabase, type TestDatabase } from '../support/test-app';
import { bearer } from '../support/tokens';
import { graphql } from './support/instances';
import { startReplicatedPostgres, type ReplicatedPostgres } from './support/replicated-postgres';

// WEB_CONCURRENCY=2: two workers behind one port, started and stopped by one primary process.

const profile = 'query ($handle: String!) { person(handle: $handle) { location } }';

/** A request on a connection of its own, so that the cluster hands each to the next worker. */
function freshConnectionRequest(
  port: number,
  body: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const payload = JSON.stringify(body);
    const req = request(
      {
        port,
        host: '127.0.0.1',
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

/** The workers that logged a GraphQL request (each worker's log lines carry its id), of one operation if named. */
function workersThatAnswered(output: string, operation?: string): Set<number> {
  return new Set(requestsLogged(output, operation));
}

/** For each request logged (of one operation if named), the worker that answered it. */
function requestsLogged(output: string, operation?: string): number[] {
  const workers: number[] = [];
  for (const line of output.split('\n')) {
    if (!line.includes('"graphql request"')) continue;
    const logged = JSON.parse(line) as { worker?: number; operation?: string };
    if (logged.worker !== undefined && (operation === undefined || logged.operation === operation)) workers.push(logged.worker);
  }
  return workers;
}

/**
 * The workers that answered an operation's `count` requests. A worker logs a request once its
 * response is sent, so the client may read the response before the line arrives: wait for them.
 */
async function workersThatAnsweredAll(service: ServiceProcess, operation: string, count: number): Promise<Set<number>> {
  const until = Date.now() + 5000;
  while (requestsLogged(service.output(), operation).length < count && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 50));
  }
  return workersThatAnswered(service.output(), operation);
}

async function startCluster(env: Record<string, string>): Promise<{ service: ServiceProcess; port: number }> {
  const port = await freePort();
  const service = spawnService({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    PORT: String(port),
    WEB_CONCURRENCY: '2',
    ...env,
  });
  await service.waitFor(/Ready at http:\/\/localhost:\d+\/graphql \(2 workers\)/, 120_000);
  return { service, port };
}

afterAll(() => killLeftoverServices());

test('with the embedded PostgreSQL: started once, two workers answer, one that dies is replaced, SIGTERM stops them all and the database', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'profilegraph-cluster-'));
  await chmod(folder, 0o755);
  const dataDir = join(folder, 'postgres');
  try {
    const { service, port } = await startCluster({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) });
    expect(service.output().match(/Starting embedded PostgreSQL/g)).toHaveLength(1);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(true);

    for (let i = 0; i < 12; i++) {
      const response = await freshConnectionRequest(port, { query: '{ person(handle: "petercai") { name } }' });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ data: { person: { name: 'Peter Cai' } } });
    }
    expect(workersThatAnswered(service.output())).toEqual(new Set([1, 2]));

    // A worker that dies is replaced; the port answers throughout.
    const [, pid] = /Worker 1 \(pid (\d+)\) is listening/.exec(service.output()) ?? [];
    process.kill(Number(pid), 'SIGKILL');
    await service.waitFor(/Worker 3 \(pid \d+\) is listening/);
    for (let i = 0; i < 6; i++) {
      expect((await freshConnectionRequest(port, { query: '{ person(handle: "petercai") { name } }' })).status).toBe(200);
    }
    expect(workersThatAnswered(service.output())).toEqual(new Set([1, 2, 3]));

    service.signal('SIGTERM');
    expect(await exitOf(service, 60_000)).toBe(0);
    const stopped = service
      .output()
      .split('\n')
      .filter((line) => line.includes('"msg":"Stopped"'));
    // Each worker, then the primary (which has no worker id).
    expect(stopped.map((line) => (JSON.parse(line) as { worker?: number }).worker ?? 0).sort()).toEqual([0, 2, 3]);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

describe('with a replica', () => {
  let pg: ReplicatedPostgres | undefined;

  beforeAll(async () => {
    pg = await startReplicatedPostgres();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  test("an account's write is known to both workers: its reads see it whichever worker answers, replay paused", async () => {
    if (!pg) throw new Error('no PostgreSQL');
    const { service, port } = await startCluster({
      DATABASE_URL: pg.primary.url(),
      DATABASE_REPLICA_URLS: pg.replica.url(),
      DATABASE_REPLICA_MAX_LAG_MS: '60000',
    });
    const token = await bearer('cluster-writer-account');
    const origin = { origin: `http://localhost:${port}` };
    const created = await graphql<{ createPerson: { person: { id: string; version: number } } }>(
      origin,
      'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id version } } }',
      { input: { handle: 'cluster-writer', name: 'Cluster Writer', location: 'Before' } },
      { authorization: token },
    );
    const person = created.data?.createPerson.person;
    if (!person) throw new Error(JSON.stringify(created.errors));
    await pg.caughtUp();
    await pg.replica.query('SELECT pg_wal_replay_pause()');
    try {
      const updated = await graphql(
        origin,
        'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { location } } }',
        { input: { id: person.id, version: person.version, location: 'After' } },
        { authorization: token },
      );
      expect(updated.errors).toBeUndefined();
      const seen = new Set<string>();
      const anonymous = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const own = await freshConnectionRequest(
          port,
          { query: profile, variables: { handle: 'cluster-writer' } },
          { authorization: token },
        );
        seen.add((JSON.parse(own.body) as { data: { person: { location: string } } }).data.person.location);
        const other = await freshConnectionRequest(port, { query: profile, variables: { handle: 'cluster-writer' } });
        anonymous.add((JSON.parse(other.body) as { data: { person: { location: string } } }).data.person.location);
      }
      expect(seen).toEqual(new Set(['After']));
      expect(anonymous).toEqual(new Set(['Before']));
      expect(workersThatAnswered(service.output())).toEqual(new Set([1, 2]));
    } finally {
      await pg.replica.query('SELECT pg_wal_replay_resume()');
    }
    service.signal('SIGTERM');
    expect(await exitOf(service, 60_000)).toBe(0);
  });
});

test('a stop during start-up (the embedded PostgreSQL still starting) waits for it, stops it and exits cleanly', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'profilegraph-cluster-'));
  await chmod(folder, 0o755);
  const dataDir = join(folder, 'postgres');
  try {
    const service = spawnService({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      PORT: String(await freePort()),
      WEB_CONCURRENCY: '2',
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
    });
    // Printed just before initdb and postgres start, which take seconds: the signal lands while
    // start-up awaits them.
    await service.waitFor(/Starting embedded PostgreSQL/);
    service.signal('SIGTERM');
    expect(await exitOf(service, 60_000)).toBe(0);
    expect(service.output()).not.toMatch(/Worker \d+ \(pid \d+\) is listening/);
    expect(service.output()).toMatch(/"msg":"Stopped"/);
    // The PostgreSQL that start-up went on to start was stopped, not left running.
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

describe('without Redis: what the workers share through the primary', () => {
  // A query of known cost for the rate limit, costly enough that the other tests' operations
  // (a few points each, by other clients) come nowhere near the allowance.
  const greedyQuery = 'query Greedy { people(first: 20) { edges { node { name } } } }';
  const allowedOperations = 10;
  let greedyCost: number;
  let database: TestDatabase | undefined;
  let cluster: { service: ServiceProcess; port: number } | undefined;
  const started = () => {
    if (!cluster) throw new Error('the cluster did not start');
    return cluster;
  };
  let ownerToken: string;
  let personId: string;
  let version: number;
  let renames = 0;

  beforeAll(async () => {
    greedyCost = estimatedCost(await createSchema(), parse(greedyQuery), undefined, {}) ?? 0;
    expect(greedyCost).toBeGreaterThan(20);
    database = await createTestDatabase();
    cluster = await startCluster({
      DATABASE_URL: database.url,
      SEED_ON_START: 'false',
      RATE_LIMIT_POINTS: String(allowedOperations * greedyCost),
      RATE_LIMIT_WINDOW_S: '300',
    });
    ownerToken = await bearer('cluster-live-owner');
    const created = await freshConnectionRequest(
      started().port,
      {
        query: 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id version } } }',
        variables: { input: { handle: 'cluster-live', name: 'Cluster Live' } },
      },
      { authorization: ownerToken },
    );
    const person = (JSON.parse(created.body) as { data?: { createPerson: { person: { id: string; version: number } } } }).data?.createPerson
      .person;
    if (!person) throw new Error(created.body);
    ({ id: personId, version } = person);
  });

  afterAll(async () => {
    if (cluster) {
      cluster.service.signal('SIGTERM');
      expect(await exitOf(cluster.service, 60_000)).toBe(0);
    }
    await database?.drop();
  });

  /** Renames the person on a connection of its own (so the workers take turns), as operation Rename. */
  async function rename(name: string): Promise<void> {
    const response = await freshConnectionRequest(
      started().port,
      {
        query: 'mutation Rename($input: UpdatePersonInput!) { updatePerson(input: $input) { person { version } } }',
        operationName: 'Rename',
        variables: { input: { id: personId, version, name } },
      },
      { authorization: ownerToken },
    );
    const body = JSON.parse(response.body) as { data?: { updatePerson: { person: { version: number } } } };
    if (!body.data) throw new Error(response.body);
    version = body.data.updatePerson.person.version;
    renames++;
  }

  test('a subscriber hears every write, whichever worker takes it', async () => {
    const client = liveClient(`http://127.0.0.1:${started().port}/graphql`);
    const updates = subscribe<{ personUpdated: { name: string } }>(
      client,
      'subscription ($handle: String!) { personUpdated(handle: $handle) { name } }',
      { handle: 'cluster-live' },
    );
    try {
      // Nothing acknowledges that the subscription is in place: write until the subscriber hears one.
      for (let attempt = 0; ; attempt++) {
        const name = `Warm-up ${attempt}`;
        await rename(name);
        const heard = await updates.next(updates.received.length, 500).catch(() => undefined);
        if (heard?.data?.personUpdated.name === name) break;
        if (attempt === 20) throw new Error(`the subscriber heard none of the warm-up writes: ${JSON.stringify(updates.received)}`);
      }

      // One write at a time, each on a new connection: the workers take turns, and the subscriber
      // (on one of them) must hear each write before the next, the other worker's too.
      for (let i = 1; i <= 6; i++) {
        const seen = updates.received.length;
        await rename(`Write ${i}`);
        const heard = await updates.next(seen, 5000);
        expect(heard.data).toEqual({ personUpdated: { name: `Write ${i}` } });
      }
      expect(await workersThatAnsweredAll(started().service, 'Rename', renames)).toEqual(new Set([1, 2]));
      expect(updates.received.every((message) => message.errors === undefined)).toBe(true);
    } finally {
      updates.stop();
      await client.dispose();
    }
  });

  test('a skill created through one worker is found at once through both, which had just remembered it as unknown', async () => {
    const search = { query: 'query SkillSearch { people(filter: { skills: ["Cluster Zig"] }) { totalCount } }' };
    const totalCount = async () =>
      (JSON.parse((await freshConnectionRequest(started().port, search)).body) as { data: { people: { totalCount: number } } }).data.people
        .totalCount;
    // Two searches on new connections: one per worker, each now remembering the slug as unknown
    // for a second (skill-ids.ts) unless it hears otherwise.
    const missedAt = Date.now();
    expect([await totalCount(), await totalCount()]).toEqual([0, 0]);
    expect(await workersThatAnsweredAll(started().service, 'SkillSearch', 2)).toEqual(new Set([1, 2]));
    const added = await freshConnectionRequest(
      started().port,
      {
        query: 'mutation ($input: PersonSkillsInput!) { addSkills(input: $input) { person { id } } }',
        variables: { input: { personId, names: ['Cluster Zig'] } },
      },
      { authorization: ownerToken },
    );
    expect(JSON.parse(added.body)).not.toHaveProperty('errors');
    expect([await totalCount(), await totalCount()]).toEqual([1, 1]);
    // Within the second, or the workers could have looked again by themselves.
    expect(Date.now() - missedAt).toBeLessThan(1000);
  });

  test('a rate limit of P points is spent once across both workers: 429 after P, not 2P', async () => {
    const greedy = await bearer('cluster-greedy-client');
    const statuses: number[] = [];
    for (let i = 0; i <= allowedOperations; i++) {
      statuses.push((await freshConnectionRequest(started().port, { query: greedyQuery }, { authorization: greedy })).status);
    }
    expect(statuses).toEqual([...Array.from({ length: allowedOperations }, () => 200), 429]);
    const refused = await freshConnectionRequest(started().port, { query: greedyQuery }, { authorization: greedy });
    expect(refused.status).toBe(429);
    expect((JSON.parse(refused.body) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('RATE_LIMITED');
    // The requests went to both workers in turn.
    expect(await workersThatAnsweredAll(started().service, 'Greedy', allowedOperations + 2)).toEqual(new Set([1, 2]));
    // Another client still has its own allowance.
    const other = await freshConnectionRequest(
      started().port,
      { query: greedyQuery },
      { authorization: await bearer('cluster-other-client') },
    );
    expect(other.status).toBe(200);
  });
});
