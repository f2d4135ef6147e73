import { getIntrospectionQuery } from 'graphql';
import { syntheticProfile } from '../bench/synthetic-profile';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { peopleListQuery, profilePageQuery } from './support/queries';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer } from './support/tokens';

// Queries a client repeats run as compiled functions (graphql-jit); the first sighting, and any
// answer with errors, is graphql-js's. Both must give the same bytes.

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, { ...peterCai, email: 'peter@example.com', phone: '+1 555 0100' }, 'petercai');
  for (let n = 0; n < 4; n++) await loadProfile(app.db, syntheticProfile(n));
});

afterAll(() => app.close());

async function post(body: Record<string, unknown>, authorization?: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function compiledCounts(): Promise<{ answered: number; fallback: number }> {
  const text = await (await fetch(new URL('/metrics', app.url))).text();
  const count = (result: string) =>
    Number(new RegExp(`^profilegraph_compiled_queries_total\\{result="${result}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { answered: count('answered'), fallback: count('fallback') };
}

/** Sends the same request `times` times; every response must be the first one, byte for byte. */
async function sameEachTime(body: Record<string, unknown>, times = 3, authorization?: string) {
  const first = await post(body, authorization);
  for (let i = 1; i < times; i++) {
    const again = await post(body, authorization);
    expect({ status: again.status, text: again.text }).toEqual({ status: first.status, text: first.text });
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
  }
  return first;
}

describe('operations sent again run compiled, with the same answer', () => {
  /** Global IDs of a few people and of their first skills. */
  async function someIds(): Promise<string[]> {
    const page = JSON.parse((await post({ query: '{ people(first: 2) { nodes { id skills(first: 1) { id } } } }' })).text) as {
      data: { people: { nodes: { id: string; skills: { id: string }[] }[] } };
    };
    return page.data.people.nodes.flatMap((node) => [node.id, ...node.skills.map((skill) => skill.id)]);
  }

  test.each<[string, () => Promise<Record<string, unknown>>]>([
    ['the profile page', async () => ({ query: profilePageQuery, variables: { handle: 'petercai' } })],
    ['the people list, with totalCount', async () => ({ query: peopleListQuery, variables: { first: 3 } })],
    [
      'node(id:) and nodes(ids:) through the Node interface, with fragments and __typename',
      async () => ({
        query: `query Refetch($ids: [ID!]!, $one: ID!) {
          nodes(ids: $ids) { __typename id ... on Person { handle roles(first: 1) { __typename id title } } ...S }
          node(id: $one) { id ... on Person { name } }
        }
        fragment S on Skill { name slug peopleCount }`,
        variables: { ids: await someIds(), one: (await someIds())[0] },
      }),
    ],
    [
      '@include and @skip',
      async () => ({
        query: 'query ($a: Boolean!) { person(handle: "petercai") { name @include(if: $a) headline @skip(if: $a) } }',
        variables: { a: true },
      }),
    ],
  ])('%s', async (_, request) => {
    const body = await request();
    const before = await compiledCounts();
    const first = await sameEachTime(body);
    expect(JSON.parse(first.text)).not.toHaveProperty('errors');
    const after = await compiledCounts();
    expect(after.answered - before.answered).toBe(2);
    expect(after.fallback).toBe(before.fallback);
  });

  test('contact details stay for the owner and admins only', async () => {
    const query = '{ person(handle: "petercai") { name email phone } }';
    const anonymous = await sameEachTime({ query });
    expect(JSON.parse(anonymous.text)).toEqual({ data: { person: { name: 'Peter Cai', email: null, phone: null } } });
    const owner = await sameEachTime({ query }, 3, await bearer('petercai'));
    expect(JSON.parse(owner.text)).toEqual({ data: { person: { name: 'Peter Cai', email: 'peter@example.com', phone: '+1 555 0100' } } });
    const stranger = await sameEachTime({ query }, 3, await bearer('someone-else'));
    expect(JSON.parse(stranger.text)).toEqual(JSON.parse(anonymous.text));
  });
});

describe('errors are graphql-js answers, however often they are sent', () => {
  test.each([
    [
      'a resolver refusal (BAD_USER_INPUT) with partial data',
      { query: '{ a: people(first: 500) { totalCount } b: person(handle: "petercai") { roles(first: -1) { title } name } }' },
    ],
    ['variables that do not fit', { query: peopleListQuery, variables: { first: 'ten' } }],
    ['a cursor from nowhere', { query: peopleListQuery, variables: { after: 'bm9wZQ' } }],
    ['no operation chosen', { query: 'query A { people { totalCount } } query B { people { totalCount } }' }],
  ])('%s', async (_, body) => {
    const first = await sameEachTime(body);
    expect(JSON.parse(first.text)).toHaveProperty('errors');
  });

  test('introspection still answers (for Apollo Sandbox)', async () => {
    const first = await sameEachTime({ query: getIntrospectionQuery() }, 2);
    expect(JSON.parse(first.text)).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
