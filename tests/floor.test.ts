import { startFloorServer } from '../bench/floor/floor-server';
import type { RunningPeer } from '../bench/peer-process';
import { peopleList, profilePage, requestBody, type Operation } from '../bench/operations';
import { syntheticProfile } from '../bench/synthetic-profile';
import { loadProfile } from '../src/seed/load-profile';
import { peterCai } from '../src/seed/petercai';
import { startTestApp, type TestApp } from './support/test-app';

// `npm run bench` reports the service as a ratio to the floor; that is only fair if the floor
// does the same work, so it must answer with the very bytes the service sends.

let app: TestApp;
let floor: RunningPeer;

async function responseText(url: string, operation: Operation, variables: Record<string, unknown>): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: requestBody(operation, variables),
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** The service's answer, after checking that the floor's is the same, byte for byte. */
async function sameAnswer(operation: Operation, variables: Record<string, unknown>): Promise<string> {
  const service = await responseText(app.url, operation, variables);
  expect(service).not.toContain('"errors"');
  expect(await responseText(floor.url, operation, variables)).toBe(service);
  return service;
}

const endCursorOf = (text: string): string | null =>
  (JSON.parse(text) as { data: { people: { pageInfo: { endCursor: string | null } } } }).data.people.pageInfo.endCursor;

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peterCai, peterCai.handle);
  for (let n = 0; n < 40; n++) await loadProfile(app.db, syntheticProfile(n));
  // What JSON must escape, a URL the URL scalar respells, and a profile with empty sections.
  await loadProfile(app.db, {
    ...syntheticProfile(40, { roles: 1, degrees: 0, skills: 0 }),
    name: 'Zoë "Q" O\'Brien \\ 🚀',
    headline: 'Line one\nline two\ttabbed\u0001\u001f\u2028',
    website: 'HTTPS://Example.COM',
  });
  // Equal timestamps: the id must break the tie the same way in both.
  await app.db.query(`UPDATE person SET "createdAt" = '2024-02-29T12:34:56.789Z' WHERE handle IN ('person-10', 'person-11', 'person-12')`);
  const url = app.db.options.type === 'postgres' ? app.db.options.url : undefined;
  if (!url) throw new Error('the test database has no URL');
  floor = await startFloorServer({ databaseUrl: url, port: 0, poolSize: 2 });
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await floor?.close();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await app?.close();
});

describe('the floor answers as the service does', () => {
  test.each(['petercai', 'person-0', 'person-3', 'PERSON-7', 'person-40'])('ProfilePage for %s', async (handle) => {
    const text = await sameAnswer(profilePage, { handle });
    expect(text).toContain('"person":{"id":');
  });

  test('ProfilePage for a handle no one has', async () => {
    expect(await sameAnswer(profilePage, { handle: 'nobody-at-all' })).toBe('{"data":{"person":null}}\n');
  });

  test('PeopleList from the first page to the empty one after the last', async () => {
    let after: string | null = null;
    const pages: string[] = [];
    do {
      const text = await sameAnswer(peopleList, { after });
      pages.push(text);
      after = endCursorOf(text);
    } while (after !== null);
    // 42 people, 20 a page: two full pages, one of 2, and the empty page after its cursor.
    expect(pages).toHaveLength(4);
    expect(pages.at(-1)).toBe('{"data":{"people":{"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}}}\n');
  });

  test("the floor refuses operation texts other than the benchmark's", async () => {
    const response = await fetch(floor.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operationName: 'ProfilePage', query: '{ person(handle: "petercai") { name } }' }),
    });
    expect(response.status).toBe(400);
  });
});
