import { Client } from 'pg';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { startTestApp, type TestApp } from './support/test-app';

// A statement that runs into DB_STATEMENT_TIMEOUT_MS is the client's question being too expensive,
// not the service failing: it answers QUERY_TIMEOUT on the field that timed out, and the rest of
// the response still answers where the schema lets a field be null.

let app: TestApp;
let locker: Client;

beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production', DB_STATEMENT_TIMEOUT_MS: 300 });
  await loadProfile(app.db, peterCai);
  locker = new Client({ connectionString: app.databaseUrl });
  await locker.connect();
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await locker?.end();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await app?.close();
});

/**
 * Runs `work` while another session holds the search table locked: every statement reading it
 * waits until statement_timeout cancels it, as a search too broad to finish would be.
 */
async function whileSearchTableLocked<T>(work: () => Promise<T>): Promise<T> {
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE person_search IN ACCESS EXCLUSIVE MODE');
  try {
    return await work();
  } finally {
    await locker.query('ROLLBACK');
  }
}

test('a search that runs past the statement timeout is QUERY_TIMEOUT, never an internal error', async () => {
  const response = await whileSearchTableLocked(() =>
    app.query('{ people(filter: { search: "engineer" }) { totalCount nodes { handle } } }'),
  );
  expect(response.errors).toEqual([
    {
      message: expect.stringMatching(/took too long.*narrow it/),
      locations: expect.any(Array),
      path: ['people'],
      extensions: { code: 'QUERY_TIMEOUT' },
    },
  ]);
});

test('the rest of the response still answers: only the field that timed out (and its non-null parents) is null', async () => {
  const response = await whileSearchTableLocked(() =>
    app.query<{ person: { name: string } | null; skill: unknown }>(
      '{ person(handle: "petercai") { name } skill(slug: "postgresql") { name people { totalCount } } }',
    ),
  );
  expect(response.data).toEqual({ person: { name: 'Peter Cai' }, skill: null });
  expect(response.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['skill', 'people'], 'QUERY_TIMEOUT']]);
});

test('once the statement fits in the timeout again, the same query answers', async () => {
  const response = await app.query<{ people: { totalCount: number } }>('{ people(filter: { search: "engineer" }) { totalCount } }');
  expect(response.errors).toBeUndefined();
  expect(response.data?.people.totalCount).toBeGreaterThan(0);
});
