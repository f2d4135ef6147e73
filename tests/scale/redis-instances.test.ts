import { createHash } from 'node:crypto';
import { createSchema } from '../../src/schema';
import { estimatedCost } from '../../src/common/query-limits';
import { parse } from 'graphql';
import { exitOf, killLeftoverServices, startService, type ReadyService } from '../support/service-process';
import { createTestDatabase, type TestDatabase } from '../support/test-app';
import { bearer } from '../support/tokens';
import { freePort } from '../../bench/free-port';
import { liveClient, subscribe } from '../support/live-client';
import { RedisProcess } from './support/redis-process';

// Two instances of the built service over one PostgreSQL database and one Redis of the test's own:
// persisted queries, rate limits, live updates and skill caches are shared through Redis, and a
// Redis outage degrades them without failing a request.

const rateLimitPoints = 1000;
const secret = 'redis-instances-test-secret-of-32-characters';
const token = (subject: string) => bearer(subject, { secret });
let redis: RedisProcess;
let database: TestDatabase;
let a: ReadyService;
let b: ReadyService;
let ownerToken: string;
let personId: string;

interface Body<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

async function post<T = Record<string, unknown>>(
  url: string,
  body: Record<string, unknown>,
  authorization?: string,
): Promise<{ status: number; headers: Headers; body: Body<T> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body<T> };
}

async function readiness(service: ReadyService): Promise<{ status: string; redis?: { state: string } }> {
  return (await (await fetch(service.url.replace('/graphql', '/readyz'))).json()) as { status: string; redis?: { state: string } };
}

async function eventually<T>(check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function rename(service: ReadyService, name: string): Promise<void> {
  const read = await post<{ person: { version: number } }>(service.url, { query: '{ person(handle: "live-owner") { version } }' });
  const version = read.body.data?.person.version;
  const written = await post(
    service.url,
    {
      query: 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { name } } }',
      variables: { input: { id: personId, version, name } },
    },
    ownerToken,
  );
  expect(written.body.errors).toBeUndefined();
}

beforeAll(async () => {
  redis = await RedisProcess.start();
  database = await createTestDatabase();
  const env = async () => ({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    PORT: String(await freePort()),
    SEED_ON_START: 'false',
    JWT_SECRET: secret,
    REDIS_URL: redis.url,
    RATE_LIMIT_POINTS: String(rateLimitPoints),
    RATE_LIMIT_WINDOW_S: '60',
  });
  a = await startService(await env());
  b = await startService(await env());
  ownerToken = await token('live-owner');
  const created = await post<{ createPerson: { person: { id: string } } }>(
    a.url,
    {
      query: 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
      variables: { input: { handle: 'live-owner', name: 'Live Owner', email: 'owner@example.com' } },
    },
    ownerToken,
  );
  personId = created.body.data?.createPerson.person.id ?? '';
  expect(personId).not.toBe('');
});

afterAll(async () => {
  killLeftoverServices();
  await redis.stop();
  await database.drop();
});

test('a persisted query registered through instance A is served by instance B', async () => {
  const query = '{ person(handle: "live-owner") { name } }';
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };

  const before = await post(b.url, { extensions });
  expect(before.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

  const registered = await post(a.url, { query, extensions });
  expect(registered.body.data).toEqual({ person: { name: 'Live Owner' } });

  const served = await post(b.url, { extensions });
  expect(served.body).toEqual({ data: { person: { name: 'Live Owner' } } });
});

test('a rate limit is shared by both instances: 429, RATE_LIMITED and Retry-After once the allowance is spent', async () => {
  const query = '{ people(first: 100) { edges { node { name headline } } } }';
  const cost = estimatedCost(await createSchema(), parse(query), undefined, {}) ?? 0;
  expect(cost).toBeGreaterThan(100);
  const allowed = Math.floor(rateLimitPoints / cost);
  const greedy = await token('greedy-client');

  const statuses: number[] = [];
  for (let i = 0; i <= allowed; i++) statuses.push((await post(i % 2 ? b.url : a.url, { query }, greedy)).status);
  // Alternating instances, the allowance is spent once, not once per instance.
  expect(statuses.slice(0, allowed)).toEqual(Array.from({ length: allowed }, () => 200));
  const refused = await post(b.url, { query }, greedy);
  expect(statuses[allowed]).toBe(429);
  expect(refused.status).toBe(429);
  expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);

  // Another client (another token) still has its own allowance.
  expect((await post(a.url, { query }, await token('another-client'))).status).toBe(200);
});

test('a subscriber on instance B sees a write committed through A within 1 s; contact details only for the owner', async () => {
  const anonymous = liveClient(b.url);
  const owner = liveClient(b.url, ownerToken);
  const query = 'subscription($handle: String!) { personUpdated(handle: $handle) { name email } }';
  const anonymousUpdates = subscribe<{ personUpdated: { name: string; email: string | null } }>(anonymous, query, { handle: 'live-owner' });
  const ownerUpdates = subscribe<{ personUpdated: { name: string; email: string | null } }>(owner, query, { handle: 'live-owner' });
  try {
    // There is no acknowledgement that B has subscribed in Redis yet: write until B hears one.
    const heardBoth = (name: string) =>
      [anonymousUpdates, ownerUpdates].every((updates) => updates.received.some((message) => message.data?.personUpdated.name === name));
    await eventually(async () => {
      const name = `Warm ${Date.now()}`;
      await rename(a, name);
      await new Promise((done) => setTimeout(done, 200));
      return heardBoth(name) ? true : undefined;
    });
    const seenAnonymous = anonymousUpdates.received.length;
    const seenOwner = ownerUpdates.received.length;

    const writtenAt = Date.now();
    await rename(a, 'Renamed Through A');
    const [toAnonymous, toOwner] = await Promise.all([anonymousUpdates.next(seenAnonymous), ownerUpdates.next(seenOwner)]);
    expect(toAnonymous.data).toEqual({ personUpdated: { name: 'Renamed Through A', email: null } });
    expect(toOwner.data).toEqual({ personUpdated: { name: 'Renamed Through A', email: 'owner@example.com' } });
    expect(toAnonymous.at - writtenAt).toBeLessThan(1000);
    expect(toOwner.at - writtenAt).toBeLessThan(1000);
  } finally {
    anonymousUpdates.stop();
    ownerUpdates.stop();
    await anonymous.dispose();
    await owner.dispose();
  }
});

test('a skill created through A is found at once by B, which had just remembered it as unknown', async () => {
  const search = '{ people(filter: { skills: ["Zig Language"] }) { totalCount } }';
  expect((await post(b.url, { query: search })).body.data).toEqual({ people: { totalCount: 0 } });
  // B now remembers the slug as unknown, for a second (skill-ids.ts), unless it hears otherwise.
  const missedAt = Date.now();
  const added = await post(
    a.url,
    {
      query: 'mutation($input: PersonSkillsInput!) { addSkills(input: $input) { person { id } } }',
      variables: { input: { personId, names: ['Zig Language'] } },
    },
    ownerToken,
  );
  expect(added.body.errors).toBeUndefined();
  const foundAt = await eventually(async () => {
    const found = await post<{ people: { totalCount: number } }>(b.url, { query: search });
    return found.body.data?.people.totalCount === 1 ? Date.now() : undefined;
  }, 5000);
  expect(foundAt - missedAt).toBeLessThan(1000);
});

test('Redis stopped and restarted: both instances answer throughout, /readyz and /metrics show it, and it recovers by itself', async () => {
  const query = '{ person(handle: "live-owner") { name } }';
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
  await post(a.url, { query, extensions });
  const prober = await token('prober');
  const answers = async () => {
    for (const service of [a, b]) {
      const response = await post(service.url, { query }, prober);
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ person: { name: expect.any(String) } });
    }
  };

  // A subscriber of A, heard through Redis before the outage, through A itself during it.
  const localClient = liveClient(a.url);
  const local = subscribe<{ personUpdated: { name: string } }>(
    localClient,
    'subscription { personUpdated(handle: "live-owner") { name } }',
  );
  await eventually(async () => {
    await rename(a, `Before the outage ${Date.now()}`);
    return local.received.length ? true : undefined;
  });

  await redis.stop();
  await answers();
  await eventually(async () => ((await readiness(b)).redis?.state === 'down' ? true : undefined));
  const heard = local.received.length;
  await rename(a, 'Written during the outage');
  expect((await local.next(heard)).data).toEqual({ personUpdated: { name: 'Written during the outage' } });
  local.stop();
  await localClient.dispose();
  const down = await readiness(a);
  expect(down).toMatchObject({ status: 'ready', redis: { state: 'down' } });
  expect(await (await fetch(a.url.replace('/graphql', '/metrics'))).text()).toMatch(/^profilegraph_redis_up 0$/m);
  // Persisted queries miss; the client sends the text again and is answered.
  expect((await post(b.url, { extensions })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect((await post(b.url, { query, extensions })).body.data).toEqual({ person: { name: expect.any(String) } });
  // Rate limits fall back to each instance's own count: still answering.
  await answers();
  expect(a.output()).toContain('Redis is unreachable');

  await redis.restart();
  for (const service of [a, b]) await eventually(async () => ((await readiness(service)).redis?.state === 'up' ? true : undefined));
  await answers();
  expect(await (await fetch(b.url.replace('/graphql', '/metrics'))).text()).toMatch(/^profilegraph_redis_up 1$/m);
  expect(b.output()).toContain('Redis is back');

  // Shared again: a query registered on B is served by A, and B's subscribers hear A's writes.
  const again = '{ person(handle: "live-owner") { handle } }';
  const againExtensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(again).digest('hex') } };
  await post(b.url, { query: again, extensions: againExtensions });
  expect((await post(a.url, { extensions: againExtensions })).body.data).toEqual({ person: { handle: 'live-owner' } });
  const client = liveClient(b.url);
  const updates = subscribe<{ personUpdated: { name: string } }>(client, 'subscription { personUpdated(handle: "live-owner") { name } }');
  try {
    await eventually(async () => {
      await rename(a, `After the outage ${Date.now()}`);
      return updates.received.length ? true : undefined;
    });
    expect(updates.received[0]?.data?.personUpdated.name).toMatch(/^After the outage/);
  } finally {
    updates.stop();
    await client.dispose();
  }
});

test('an instance starts while Redis is away, answers, and stops cleanly (exit 0) while it is still away', async () => {
  await redis.stop();
  const alone = await startService({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    PORT: String(await freePort()),
    SEED_ON_START: 'false',
    REDIS_URL: redis.url,
  });
  expect((await post(alone.url, { query: '{ person(handle: "live-owner") { handle } }' })).body.data).toEqual({
    person: { handle: 'live-owner' },
  });
  expect(await readiness(alone)).toMatchObject({ status: 'ready', redis: { state: 'down' } });
  await alone.waitFor(/Redis is unreachable/, 5000);
  alone.signal('SIGTERM');
  expect(await exitOf(alone, 10_000)).toBe(0);
});
