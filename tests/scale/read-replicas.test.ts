import { bearer } from '../support/tokens';
import { graphql, killLeftoverServices, metric, startInstances, type Instance } from './support/instances';
import { startReplicatedPostgres, type ReplicatedPostgres } from './support/replicated-postgres';
import { exitOf } from '../support/service-process';
import { RedisProcess } from './support/redis-process';

// Two instances of the built service over a real primary and a real streaming replica, sharing a
// Redis of the test's own (where each account's latest write position is kept).

let redis: RedisProcess;

let pg: ReplicatedPostgres;
let instances: Instance[] = [];
let a: Instance;
let b: Instance;

const lsnHeader = 'x-profilegraph-lsn';
const profile = 'query ($handle: String!) { person(handle: $handle) { handle name location roles(first: 3) { title } } }';
const create = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id handle version } } }';
const update = 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id location version } } }';

interface Person {
  handle: string;
  location: string | null;
}

async function locationOf(instance: Instance, handle: string, headers: Record<string, string> = {}): Promise<string | null | undefined> {
  const result = await graphql<{ person: Person | null }>(instance, profile, { handle }, headers);
  expect(result.errors).toBeUndefined();
  return result.data?.person?.location;
}

interface ReplicaStatus {
  name: string;
  state: string;
  lagMs: number | null;
}

async function replicaStates(instance: Instance): Promise<ReplicaStatus[]> {
  const body = (await (await fetch(`${instance.origin}/readyz`)).json()) as { status: string; replicas: ReplicaStatus[] };
  expect(body.status).toBe('ready');
  return body.replicas;
}

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Statements of the service's reads (anything naming the person table) that a server has run since its last reset. */
async function personStatements(node: ReplicatedPostgres['primary']): Promise<number> {
  const [row] = await node.query<{ calls: string | null }>(
    "SELECT sum(calls) AS calls FROM pg_stat_statements WHERE query ILIKE '%person%' AND query NOT ILIKE '%pg_stat_statements%'",
  );
  return Number(row?.calls ?? 0);
}

/** A new account with a profile of its own, written through `instance`: its id, version and token. */
async function newWriter(instance: Instance, handle: string): Promise<{ id: string; version: number; token: string }> {
  const token = await bearer(`${handle}-account`);
  const created = await graphql<{ createPerson: { person: { id: string; version: number } } }>(
    instance,
    create,
    { input: { handle, name: 'Replica Writer', location: 'Before' } },
    { authorization: token },
  );
  expect(created.errors).toBeUndefined();
  const person = created.data?.createPerson.person;
  if (!person) throw new Error('no person created');
  return { ...person, token };
}

beforeAll(async () => {
  pg = await startReplicatedPostgres();
  redis = await RedisProcess.start();
  instances = await startInstances(2, {
    REDIS_URL: redis.url,
    DATABASE_URL: pg.primary.url(),
    DATABASE_REPLICA_URLS: pg.replica.url(),
    DATABASE_REPLICA_CHECK_INTERVAL_MS: '200',
    // Long enough for the paused-replay checks to see the replica still in use; the lag test waits it out.
    DATABASE_REPLICA_MAX_LAG_MS: '4000',
  });
  [a, b] = instances as [Instance, Instance];
  await pg.caughtUp();
  await until('both instances see the replica up', async () =>
    (await Promise.all([a, b].map(replicaStates))).every((states) => states[0]?.state === 'up'),
  );
});

afterAll(async () => {
  for (const instance of instances) instance.signal('SIGTERM');
  await Promise.all(instances.map((instance) => exitOf(instance).catch(() => null)));
  killLeftoverServices();
  await (pg as ReplicatedPostgres | undefined)?.stop();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await redis?.stop();
});

test('queries are read from the replica; the primary runs none of them', async () => {
  await pg.replica.query('SELECT pg_stat_statements_reset()');
  await pg.primary.query('SELECT pg_stat_statements_reset()');
  for (let i = 0; i < 10; i++) {
    for (const instance of [a, b]) expect(await locationOf(instance, 'petercai')).toBeDefined();
  }
  expect(await personStatements(pg.replica)).toBeGreaterThanOrEqual(20);
  expect(await personStatements(pg.primary)).toBe(0);
  // The sessions doing it are the service's replica pool.
  const sessions = await pg.replica.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'profilegraph-replica'",
  );
  expect(sessions[0]?.count).toBeGreaterThan(0);

  const states = await replicaStates(a);
  expect(states).toEqual([
    { name: `127.0.0.1:${pg.replica.port}/profilegraph`, state: 'up', lagMs: expect.any(Number), replayedLsn: expect.any(String) },
  ]);
  expect(await metric(a, 'profilegraph_db_replica_state', { state: 'up' })).toBe(1);
  expect(await metric(a, 'profilegraph_db_read_routes_total', { route: 'replica' })).toBeGreaterThanOrEqual(10);
});

test('read-your-writes with replay paused: the writer sees its write, an anonymous reader the replica’s older copy', async () => {
  const writer = await newWriter(a, 'ryw-writer');
  await pg.caughtUp();
  await pg.replica.query('SELECT pg_wal_replay_pause()');
  try {
    const written = await graphql<{ updatePerson: { person: { location: string } } }>(
      a,
      update,
      { input: { id: writer.id, version: writer.version, location: 'After' } },
      { authorization: writer.token },
    );
    expect(written.errors).toBeUndefined();
    const position = written.headers.get(lsnHeader);
    expect(position).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    const behindBefore = await metric(a, 'profilegraph_db_read_routes_total', { route: 'primary_behind' });

    // The writer, on the instance that took the write: its reads wait for the paused replica, then go to the primary.
    expect(await locationOf(a, 'ryw-writer', { authorization: writer.token })).toBe('After');
    expect(await metric(a, 'profilegraph_db_read_routes_total', { route: 'primary_behind' })).toBe(behindBefore + 1);
    // On the other instance, the writer sees it with nothing but its token (its position is in Redis)...
    expect(await locationOf(b, 'ryw-writer', { authorization: writer.token })).toBe('After');
    // ...and so does an anonymous client carrying the write's position...
    expect(await locationOf(b, 'ryw-writer', { [lsnHeader]: position ?? '' })).toBe('After');
    // ...while an anonymous reader there is served by the replica, which has not replayed it.
    expect(await locationOf(b, 'ryw-writer')).toBe('Before');
    expect(await locationOf(a, 'ryw-writer')).toBe('Before');
    // A header that is not a WAL position changes nothing.
    expect(await locationOf(b, 'ryw-writer', { [lsnHeader]: 'yesterday' })).toBe('Before');
  } finally {
    await pg.replica.query('SELECT pg_wal_replay_resume()');
  }
  await pg.caughtUp();
  // Replayed: the writer's reads are the replica's again.
  const caughtUpBefore = await metric(a, 'profilegraph_db_read_routes_total', { route: 'replica_caught_up' });
  expect(await locationOf(a, 'ryw-writer', { authorization: writer.token })).toBe('After');
  expect(await metric(a, 'profilegraph_db_read_routes_total', { route: 'replica_caught_up' })).toBe(caughtUpBefore + 1);
  expect(await locationOf(b, 'ryw-writer')).toBe('After');
});

test('a skill the replica has not replayed yet is not remembered as unknown: found as soon as the replica catches up', async () => {
  const writer = await newWriter(a, 'skill-writer');
  const search = 'query ($skills: [String!]) { people(first: 5, filter: { skills: $skills }) { nodes { handle } } }';
  const holders = async (instance: Instance) => {
    const result = await graphql<{ people: { nodes: { handle: string }[] } }>(instance, search, { skills: ['Replayed Later Skill'] });
    expect(result.errors).toBeUndefined();
    return result.data?.people.nodes.map((person) => person.handle);
  };
  await pg.caughtUp();
  await pg.replica.query('SELECT pg_wal_replay_pause()');
  try {
    const added = await graphql(
      a,
      'mutation ($input: PersonSkillsInput!) { addSkills(input: $input) { person { id } } }',
      { input: { personId: writer.id, names: ['Replayed Later Skill'] } },
      { authorization: writer.token },
    );
    expect(added.errors).toBeUndefined();
    // The replica has neither the skill nor its holder yet.
    expect(await holders(b)).toEqual([]);
  } finally {
    await pg.replica.query('SELECT pg_wal_replay_resume()');
  }
  await pg.caughtUp();
  // At once, not a second later: the skill's id came from the primary, not a miss on the replica.
  expect(await holders(b)).toEqual(['skill-writer']);
});

test('a replica lagging more than DATABASE_REPLICA_MAX_LAG_MS gets no reads until it catches up', async () => {
  const writer = await newWriter(a, 'lag-writer');
  await pg.caughtUp();
  await pg.replica.query('SELECT pg_wal_replay_pause()');
  try {
    await graphql(a, update, { input: { id: writer.id, version: writer.version, location: 'Lagged' } }, { authorization: writer.token });
    expect(await locationOf(b, 'lag-writer')).toBe('Before');
    await until('instance B sees the replica lagging', async () => (await replicaStates(b))[0]?.state === 'lagging');
    expect((await replicaStates(b))[0]?.lagMs).toBeGreaterThan(4000);
    expect(await metric(b, 'profilegraph_db_replica_state', { state: 'lagging' })).toBe(1);
    // Every reader now reads from the primary.
    expect(await locationOf(b, 'lag-writer')).toBe('Lagged');
  } finally {
    await pg.replica.query('SELECT pg_wal_replay_resume()');
  }
  await until('the replica is up again', async () => (await replicaStates(b))[0]?.state === 'up');
});

test('the replica stopped and restarted under load: no request fails', async () => {
  const writer = await newWriter(a, 'load-writer');
  let version = writer.version;
  let stop = false;
  const failures: string[] = [];
  let requests = 0;
  const check = (result: { status: number; errors?: { message: string }[] }) => {
    requests++;
    if (result.status !== 200 || result.errors) failures.push(`${result.status} ${JSON.stringify(result.errors)}`);
  };
  const reader = async (instance: Instance, headers: Record<string, string>) => {
    while (!stop)
      check(await graphql(instance, profile, { handle: 'petercai' }, headers).catch((error: Error) => ({ status: 0, errors: [error] })));
  };
  const writes = async () => {
    for (let i = 0; !stop; i++) {
      const result = await graphql<{ updatePerson: { person: { version: number } } }>(
        a,
        update,
        { input: { id: writer.id, version, location: `Round ${i}` } },
        { authorization: writer.token },
      );
      check(result);
      version = result.data?.updatePerson.person.version ?? version;
      // The writer reads its own write on the same instance, whatever the replica is doing.
      const seen = await graphql<{ person: Person }>(a, profile, { handle: 'load-writer' }, { authorization: writer.token });
      check(seen);
      if (seen.data?.person.location !== `Round ${i}`) failures.push(`write ${i} not read back: ${seen.data?.person.location}`);
      await new Promise((done) => setTimeout(done, 20));
    }
  };
  const load = Promise.all([reader(a, {}), reader(b, {}), reader(b, { authorization: writer.token }), writes()]);
  const fallbacksBefore = await metric(b, 'profilegraph_db_read_routes_total', { route: 'primary_no_replica' });

  await new Promise((done) => setTimeout(done, 1000));
  await pg.replica.stop('fast');
  await until('both instances see the replica down', async () =>
    (await Promise.all([a, b].map(replicaStates))).every((states) => states[0]?.state === 'down'),
  );
  await new Promise((done) => setTimeout(done, 1000));
  await pg.replica.start();
  await until('both instances see the replica up again', async () =>
    (await Promise.all([a, b].map(replicaStates))).every((states) => states[0]?.state === 'up'),
  );
  await new Promise((done) => setTimeout(done, 1000));
  stop = true;
  await load;

  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(50);
  expect(await metric(b, 'profilegraph_db_read_routes_total', { route: 'primary_no_replica' })).toBeGreaterThan(fallbacksBefore);
  // Back on the replica.
  await pg.replica.query('SELECT pg_stat_statements_reset()');
  await locationOf(b, 'petercai');
  expect(await personStatements(pg.replica)).toBeGreaterThan(0);
});

test('with Redis down, signed-in readers go to the primary (their positions are unknown) and anonymous ones stay on the replica', async () => {
  const writer = await newWriter(a, 'redis-down-writer');
  await pg.caughtUp();
  await pg.replica.query('SELECT pg_wal_replay_pause()');
  await redis.stop();
  try {
    const written = await graphql(
      a,
      update,
      { input: { id: writer.id, version: writer.version, location: 'After' } },
      { authorization: writer.token },
    );
    expect(written.errors).toBeUndefined();
    const unknownBefore = await metric(b, 'profilegraph_db_read_routes_total', { route: 'primary_position_unknown' });
    expect(await locationOf(b, 'redis-down-writer', { authorization: writer.token })).toBe('After');
    expect(await metric(b, 'profilegraph_db_read_routes_total', { route: 'primary_position_unknown' })).toBe(unknownBefore + 1);
    expect(await locationOf(a, 'redis-down-writer', { authorization: writer.token })).toBe('After');
    expect(await locationOf(b, 'redis-down-writer')).toBe('Before');
  } finally {
    await pg.replica.query('SELECT pg_wal_replay_resume()');
    await redis.restart();
  }
  await until('both instances reach Redis again', async () =>
    (
      await Promise.all(
        [a, b].map(async (instance) => (await (await fetch(`${instance.origin}/readyz`)).json()) as { redis?: { state: string } }),
      )
    ).every((ready) => ready.redis?.state === 'up'),
  );
});
