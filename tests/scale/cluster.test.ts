import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitOf, freePort, killLeftoverServices, spawnService, type ServiceProcess } from '../support/service-process';
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

/** The workers that logged a GraphQL request (each worker's log lines carry its id). */
function workersThatAnswered(output: string): Set<number> {
  const workers = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.includes('"graphql request"')) continue;
    const { worker } = JSON.parse(line) as { worker?: number };
    if (worker !== undefined) workers.add(worker);
  }
  return workers;
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
