import { errorCode, startTestApp, type TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';
import { liveClient, subscribe, type LiveSubscription } from '../support/live-client';

// One instance and no REDIS_URL: live updates are delivered within the process, with the same
// limits as queries and the caps on subscriptions per connection and per instance.

let app: TestApp;
let ownerToken: string;
let personId: string;

const updates = 'subscription($handle: String!) { personUpdated(handle: $handle) { name phone } }';
type Update = { personUpdated: { name: string; phone: string | null } };

async function rename(name: string): Promise<void> {
  const read = await app.query<{ person: { version: number } }>('{ person(handle: "solo") { version } }');
  const written = await app.query(
    'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { name } } }',
    { input: { id: personId, version: read.data?.person.version, name } },
    ownerToken,
  );
  expect(written.errors).toBeUndefined();
}

/** Writes until every subscription has heard a write (nothing acknowledges that a subscription is listening). */
async function untilListening(...subscriptions: LiveSubscription<Update>[]): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = `Warm ${attempt}`;
    await rename(name);
    await new Promise((done) => setTimeout(done, 100));
    if (subscriptions.every((subscription) => subscription.received.some((message) => message.data?.personUpdated.name === name))) return;
  }
  throw new Error(`the subscriptions never heard a write: ${JSON.stringify(subscriptions.map((s) => s.received.slice(-2)))}`);
}

beforeAll(async () => {
  app = await startTestApp({ SUBSCRIPTIONS_PER_CONNECTION: 2, SUBSCRIPTIONS_PER_INSTANCE: 3 });
  ownerToken = await bearer('solo-owner');
  const created = await app.query<{ createPerson: { person: { id: string } } }>(
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
    { input: { handle: 'solo', name: 'Solo', phone: '+1 555 0100' } },
    ownerToken,
  );
  personId = created.data?.createPerson.person.id ?? '';
  expect(personId).not.toBe('');
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await app?.close();
});

test('without Redis, a subscriber hears the writes of its own instance, contact details only for the owner', async () => {
  const anonymous = liveClient(app.url);
  const owner = liveClient(app.url, ownerToken);
  const toAnonymous = subscribe<Update>(anonymous, updates, { handle: 'solo' });
  const toOwner = subscribe<Update>(owner, updates, { handle: 'SOLO' });
  try {
    await untilListening(toAnonymous, toOwner);
    const [seenAnonymous, seenOwner] = [toAnonymous.received.length, toOwner.received.length];
    await rename('Solo Renamed');
    expect((await toAnonymous.next(seenAnonymous)).data).toEqual({ personUpdated: { name: 'Solo Renamed', phone: null } });
    expect((await toOwner.next(seenOwner)).data).toEqual({ personUpdated: { name: 'Solo Renamed', phone: '+1 555 0100' } });
  } finally {
    await anonymous.dispose();
    await owner.dispose();
  }
});

test('subscriptions are capped per connection and per instance; a finished one frees its place', async () => {
  const first = liveClient(app.url);
  const second = liveClient(app.url);
  try {
    const [one, two, three] = [1, 2, 3].map(() => subscribe<Update>(first, updates, { handle: 'solo' }));
    expect(await three?.ended).toBe('error');
    expect(three?.received[0]?.errors?.[0]?.extensions?.code).toBe('SUBSCRIPTION_LIMIT_EXCEEDED');
    const four = subscribe<Update>(second, updates, { handle: 'solo' });
    const five = subscribe<Update>(second, updates, { handle: 'solo' });
    expect(await five.ended).toBe('error');
    expect(five.received[0]?.errors?.[0]?.extensions?.code).toBe('SUBSCRIPTION_LIMIT_EXCEEDED');
    await untilListening(one as LiveSubscription<Update>, two as LiveSubscription<Update>, four);

    one?.stop();
    // The server completes it asynchronously; then the instance has room again.
    let six: LiveSubscription<Update> | undefined;
    for (let attempt = 0; attempt < 20 && !six; attempt++) {
      const candidate = subscribe<Update>(second, updates, { handle: 'solo' });
      const refused = await Promise.race([
        candidate.ended.then(() => true),
        new Promise<false>((done) => setTimeout(() => done(false), 200)),
      ]);
      if (!refused) six = candidate;
    }
    expect(six).toBeDefined();
    await untilListening(six as LiveSubscription<Update>);
  } finally {
    await first.dispose();
    await second.dispose();
  }
});

test('a subscription meets the query limits, and only subscriptions are served over WebSocket', async () => {
  const client = liveClient(app.url);
  try {
    const costly = subscribe(
      client,
      `subscription { personUpdated(handle: "solo") { skills { people(first: 100) { edges { node { skills { people(first: 100) { edges { node { name } } } } } } } } } }`,
    );
    expect(await costly.ended).toBe('error');
    expect(costly.received[0]?.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');

    const query = subscribe(client, '{ person(handle: "solo") { name } }');
    expect(await query.ended).toBe('error');
    expect(query.received[0]?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');

    const unknown = subscribe(client, updates, { handle: 'nobody-has-this-handle' });
    await unknown.ended;
    expect(unknown.received[0]?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  } finally {
    await client.dispose();
  }

  // Over HTTP, a subscription is refused rather than run once as a query.
  const overHttp = await app.query('subscription { personUpdated(handle: "solo") { name } }');
  expect(errorCode(overHttp)).toBe('BAD_REQUEST');
});

test('an invalid token closes the connection (4403); deleting the profile ends its subscriptions', async () => {
  const forged = liveClient(app.url, 'Bearer not.a.token');
  const refused = subscribe(forged, updates, { handle: 'solo' });
  expect(await refused.ended).toBe('error');
  expect(forged.closeCodes).toContain(4403);
  await forged.dispose();

  const client = liveClient(app.url);
  const subscription = subscribe<Update>(client, updates, { handle: 'solo' });
  try {
    await untilListening(subscription);
    const read = await app.query<{ person: { version: number } }>('{ person(handle: "solo") { version } }');
    const deleted = await app.query(
      'mutation($input: DeletePersonInput!) { deletePerson(input: $input) { deletedPersonId } }',
      { input: { id: personId, version: read.data?.person.version } },
      ownerToken,
    );
    expect(deleted.errors).toBeUndefined();
    expect(await subscription.ended).toBe('complete');
  } finally {
    await client.dispose();
  }
});

test('every place is given back once the subscriptions have ended or their connections closed', async () => {
  const metrics = app.url.replace('/graphql', '/metrics');
  let active: string | undefined;
  for (let attempt = 0; attempt < 50; attempt++) {
    active = /^profilegraph_subscriptions_active (\d+)$/m.exec(await (await fetch(metrics)).text())?.[1];
    if (active === '0') break;
    await new Promise((done) => setTimeout(done, 100));
  }
  expect(active).toBe('0');
});

test('stopping the server closes open subscriptions (1001 Going Away) instead of waiting for them', async () => {
  await app.query(
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
    { input: { handle: 'solo-again', name: 'Solo Again' } },
    await bearer('solo-again-owner'),
  );
  const client = liveClient(app.url);
  const open = subscribe<Update>(client, updates, { handle: 'solo-again' });
  await new Promise((done) => setTimeout(done, 200));
  expect(open.received).toEqual([]);
  await app.server.stop();
  expect(await open.ended).toBe('error');
  expect(client.closeCodes).toContain(1001);
  await client.dispose();
});
