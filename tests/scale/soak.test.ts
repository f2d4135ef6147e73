import { exitOf } from '../support/service-process';
import { bearer } from '../support/tokens';
import { graphql, killLeftoverServices, metric, startInstances, type Instance } from './support/instances';
import { startReplicatedPostgres, type ReplicatedPostgres } from './support/replicated-postgres';

// A soak across the set: two instances over a primary and a streaming replica, writers and
// readers at once for SCALE_SOAK_SECONDS (20 by default). Every request must succeed, every
// acknowledged write must be there at the end (versions running on one by one), and every writer
// must read back its write at once: on the instance that took it with its token alone, and on the
// other carrying the write's X-Profilegraph-LSN.

const seconds = Number(process.env.SCALE_SOAK_SECONDS ?? 20);
const writers = 4;
const readers = 4;
const lsnHeader = 'x-profilegraph-lsn';
const read = 'query ($handle: String!) { person(handle: $handle) { location version roles(first: 3) { title } } }';
const update = 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { location version } } }';

let pg: ReplicatedPostgres | undefined;
let instances: Instance[] = [];

beforeAll(async () => {
  pg = await startReplicatedPostgres();
  instances = await startInstances(2, { DATABASE_URL: pg.primary.url(), DATABASE_REPLICA_URLS: pg.replica.url() });
});

afterAll(async () => {
  for (const instance of instances) instance.signal('SIGTERM');
  expect(await Promise.all(instances.map((instance) => exitOf(instance).catch(() => null)))).toEqual(instances.map(() => 0));
  killLeftoverServices();
  await pg?.stop();
});

interface Person {
  location: string | null;
  version: number;
}

test(`soak: ${writers} writers and ${readers} readers on two instances and a replica`, async () => {
  const [a, b] = instances as [Instance, Instance];
  const failures: string[] = [];
  const counts = { reads: 0, writes: 0, ownReadsSameInstance: 0, ownReadsOtherInstance: 0 };
  const accounts = await Promise.all(
    Array.from({ length: writers }, async (_, i) => {
      const token = await bearer(`soak-writer-${i}-account`);
      const created = await graphql<{ createPerson: { person: { id: string; version: number } } }>(
        a,
        'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id version } } }',
        { input: { handle: `soak-writer-${i}`, name: `Soak Writer ${i}` } },
        { authorization: token },
      );
      const person = created.data?.createPerson.person;
      if (!person) throw new Error(JSON.stringify(created.errors));
      return { handle: `soak-writer-${i}`, token, id: person.id, firstVersion: person.version, version: person.version, last: '' };
    }),
  );
  const deadline = Date.now() + seconds * 1000;

  const writerLoop = async (account: (typeof accounts)[number], index: number) => {
    for (let n = 0; Date.now() < deadline; n++) {
      const [writeTo, other] = (n + index) % 2 ? [a, b] : [b, a];
      const location = `w${index}-${n}`;
      const written = await graphql<{ updatePerson: { person: Person } }>(
        writeTo,
        update,
        { input: { id: account.id, version: account.version, location } },
        { authorization: account.token },
      );
      if (written.errors || written.data?.updatePerson.person.version !== account.version + 1) {
        failures.push(`write ${location}: ${JSON.stringify(written.errors ?? written.data)}`);
        return;
      }
      counts.writes++;
      account.version += 1;
      account.last = location;
      const position = written.headers.get(lsnHeader) ?? '';
      const same = await graphql<{ person: Person }>(writeTo, read, { handle: account.handle }, { authorization: account.token });
      counts.ownReadsSameInstance++;
      if (same.data?.person.location !== location)
        failures.push(`same instance read ${JSON.stringify(same.data ?? same.errors)} after ${location}`);
      const elsewhere = await graphql<{ person: Person }>(other, read, { handle: account.handle }, { [lsnHeader]: position });
      counts.ownReadsOtherInstance++;
      if (elsewhere.data?.person.location !== location)
        failures.push(`other instance read ${JSON.stringify(elsewhere.data ?? elsewhere.errors)} after ${location}`);
    }
  };
  const readerLoop = async (index: number) => {
    const instance = index % 2 ? a : b;
    for (let n = 0; Date.now() < deadline; n++) {
      const handle = n % 2 ? 'petercai' : `soak-writer-${n % writers}`;
      const result = await graphql<{ person: Person }>(instance, read, { handle });
      counts.reads++;
      if (result.status !== 200 || result.errors || !result.data?.person)
        failures.push(`read ${handle}: ${result.status} ${JSON.stringify(result.errors)}`);
    }
  };
  const started = Date.now();
  await Promise.all([...accounts.map(writerLoop), ...Array.from({ length: readers }, (_, i) => readerLoop(i))]);
  const elapsed = (Date.now() - started) / 1000;

  // Nothing lost: once replayed, every profile is its last acknowledged write, on both instances.
  await pg?.caughtUp();
  for (const account of accounts) {
    for (const instance of [a, b]) {
      const final = await graphql<{ person: Person }>(instance, read, { handle: account.handle });
      expect(final.data?.person).toMatchObject({ location: account.last, version: account.version });
    }
  }
  const replicaReads = (
    await Promise.all([a, b].map((instance) => metric(instance, 'profilegraph_db_read_routes_total', { route: 'replica' })))
  ).reduce((sum, value) => sum + value, 0);
  console.log(
    `soak: ${elapsed.toFixed(1)} s, ${counts.writes} writes, ${counts.reads} anonymous reads, ` +
      `${counts.ownReadsSameInstance + counts.ownReadsOtherInstance} read-your-writes checks ` +
      `(${counts.ownReadsSameInstance} same instance by token, ${counts.ownReadsOtherInstance} other instance by header), ` +
      `${replicaReads} reads routed to the replica, ${failures.length} failures`,
  );
  expect(failures).toEqual([]);
  expect(counts.writes).toBeGreaterThan(writers * 5);
  expect(replicaReads).toBeGreaterThan(0);
});
