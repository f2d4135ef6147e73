import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { syntheticProfile } from '../../bench/synthetic-profile';
import { toGlobalId } from '../../src/common/node';
import { loadProfile } from '../../src/seed/load-profile';
import { postGraphQL, startTestApp, type TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';
import { subgraphUrlOf } from './post';

// The subgraph endpoint on its own: what a gateway or router sends to profilegraph.

let app: TestApp;
let subgraphUrl: string;

interface Ids {
  person: string;
  roles: string[];
  degrees: string[];
  skills: { id: string; slug: string }[];
}
const profiles: Ids[] = [];

const entitiesQuery = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Person { id handle name email roles(first: 1) { title } skills { slug } }
    ... on Skill { id slug name }
    ... on Role { id title person { handle } }
    ... on Degree { id institution }
  }
}`;

type Entity = Record<string, unknown> | null;

function entities(representations: unknown[], authorization?: string) {
  return postGraphQL<{ _entities: Entity[] }>(subgraphUrl, entitiesQuery, { representations }, authorization);
}

async function sqlFor(representations: unknown[]): Promise<number> {
  return app.countStatements(async () => {
    const { errors, data } = await entities(representations);
    expect(errors).toBeUndefined();
    expect(data?._entities.every((entity) => entity !== null)).toBe(true);
  });
}

beforeAll(async () => {
  app = await startTestApp();
  subgraphUrl = subgraphUrlOf(app.url);
  for (let n = 0; n < 100; n++) {
    const id = await loadProfile(app.db, syntheticProfile(n, { roles: 2, degrees: 1, skills: 2 }), `subject-${n}`);
    const { data } = await app.query<{
      person: { roles: { id: string }[]; degrees: { id: string }[]; skills: { id: string; slug: string }[] };
    }>(`{ person(handle: "person-${n}") { roles { id } degrees { id } skills { id slug } } }`);
    if (!data?.person) throw new Error(`person-${n} was not loaded`);
    profiles.push({
      person: toGlobalId('Person', id),
      roles: data.person.roles.map((role) => role.id),
      degrees: data.person.degrees.map((degree) => degree.id),
      skills: data.person.skills,
    });
  }
});

afterAll(() => app.close());

describe('the subgraph schema', () => {
  test('_service { sdl } is the committed subgraph.graphql, with @link to Federation 2 and the entity keys', async () => {
    const { data } = await postGraphQL<{ _service: { sdl: string } }>(subgraphUrl, '{ _service { sdl } }');
    const sdl = data?._service.sdl ?? '';
    expect(sdl).toBe(readFileSync(resolve(__dirname, '../../subgraph.graphql'), 'utf8'));
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@shareable"])');
    expect(sdl).toMatch(/type Person implements Node\s+@key\(fields: "id"\)\s+@key\(fields: "handle"\)/);
    expect(sdl).toMatch(/type Skill implements Node\s+@key\(fields: "id"\)\s+@key\(fields: "slug"\)/);
    expect(sdl).toMatch(/type Role implements Node\s+@key\(fields: "id"\)\s+\{/);
    expect(sdl).toMatch(/type Degree implements Node\s+@key\(fields: "id"\)\s+\{/);
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
  });

  test('the public API at /graphql has no federation fields', async () => {
    const { errors } = await app.query('{ _service { sdl } }');
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const { data } = await app.query<{ __schema: { queryType: { fields: { name: string }[] } } }>(
      '{ __schema { queryType { fields { name } } } }',
    );
    const names = data?.__schema.queryType.fields.map((field) => field.name);
    expect(names).toContain('person');
    expect(names).not.toContain('_entities');
    expect(names).not.toContain('_service');
  });

  test('FEDERATION_SUBGRAPH=false: there is no /subgraph, and /graphql is unchanged', async () => {
    const standalone = await startTestApp({ FEDERATION_SUBGRAPH: false });
    try {
      const response = await fetch(subgraphUrlOf(standalone.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      expect(response.status).toBe(404);
      const { data } = await standalone.query<{ people: { totalCount: number } }>('{ people(first: 1) { totalCount } }');
      expect(data?.people.totalCount).toEqual(expect.any(Number));
    } finally {
      await standalone.close();
    }
  });
});

describe('_entities', () => {
  test('resolves every key of every entity, in the order asked', async () => {
    const [first, second] = profiles as [Ids, Ids];
    const { data, errors } = await entities([
      { __typename: 'Person', id: second.person },
      { __typename: 'Person', handle: 'PERSON-0' },
      { __typename: 'Skill', slug: first.skills[0]?.slug },
      { __typename: 'Skill', id: second.skills[1]?.id },
      { __typename: 'Role', id: first.roles[1] },
      { __typename: 'Degree', id: second.degrees[0] },
    ]);
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      {
        __typename: 'Person',
        id: second.person,
        handle: 'person-1',
        name: 'Person 1',
        email: null,
        roles: [{ title: 'Title 0' }],
        skills: second.skills.map(({ slug }) => ({ slug })),
      },
      {
        __typename: 'Person',
        id: first.person,
        handle: 'person-0',
        name: 'Person 0',
        email: null,
        roles: [{ title: 'Title 0' }],
        skills: first.skills.map(({ slug }) => ({ slug })),
      },
      { __typename: 'Skill', id: first.skills[0]?.id, slug: first.skills[0]?.slug, name: expect.any(String) },
      { __typename: 'Skill', id: second.skills[1]?.id, slug: second.skills[1]?.slug, name: expect.any(String) },
      { __typename: 'Role', id: first.roles[1], title: 'Title 1', person: { handle: 'person-0' } },
      { __typename: 'Degree', id: second.degrees[0], institution: 'University 0' },
    ]);
  });

  test('an unknown or malformed key is null for its entry alone', async () => {
    const [first] = profiles as [Ids];
    const { data, errors } = await entities([
      { __typename: 'Person', handle: 'nobody-has-this' },
      { __typename: 'Person', id: toGlobalId('Person', 2_000_000_000) },
      { __typename: 'Person', id: first.roles[0] }, // a Role's global ID
      { __typename: 'Person', id: 42 },
      { __typename: 'Person', id: 'not a global id' },
      { __typename: 'Person' },
      { __typename: 'Person', handle: '' },
      { __typename: 'Skill', slug: ['a', 'list'] },
      { __typename: 'Role', handle: 'person-0' },
      { __typename: 'JobApplication', id: '1' },
      { __typename: '__proto__', id: '1' },
      { handle: 'person-0' },
      'person-0',
      { __typename: 'Person', handle: 'person-0' },
    ]);
    expect(errors).toBeUndefined();
    expect(data?._entities.map((entity) => entity?.handle ?? null)).toEqual([...Array<null>(13).fill(null), 'person-0']);
  });

  test.each([
    ['Person by id', (ids: Ids) => ({ __typename: 'Person', id: ids.person })],
    ['Person by handle', (_ids: Ids, n: number) => ({ __typename: 'Person', handle: `person-${n}` })],
    ['Skill by id', (ids: Ids) => ({ __typename: 'Skill', id: ids.skills[0]?.id })],
    ['Skill by slug', (ids: Ids) => ({ __typename: 'Skill', slug: ids.skills[1]?.slug })],
    ['Role by id', (ids: Ids) => ({ __typename: 'Role', id: ids.roles[0] })],
    ['Degree by id', (ids: Ids) => ({ __typename: 'Degree', id: ids.degrees[0] })],
  ])('%s: 100 representations cost the SQL statements of 1', async (_name, representation) => {
    const all = profiles.map((ids, n) => representation(ids, n));
    const one = await sqlFor(all.slice(0, 1));
    const hundred = await sqlFor(all);
    // A person brings their roles and skills in its own statement; a role's person is one more.
    expect({ one, hundred }).toEqual({ one: hundred, hundred: one });
    expect(hundred).toBeLessThanOrEqual(2);
  });

  test('people by id and by handle, skills, roles and degrees together: one statement per loader', async () => {
    const mixed = (ids: Ids, n: number) => [
      { __typename: 'Person', id: ids.person },
      { __typename: 'Person', handle: `person-${(n + 50) % 100}` },
      { __typename: 'Skill', slug: ids.skills[0]?.slug },
      { __typename: 'Role', id: ids.roles[1] },
      { __typename: 'Degree', id: ids.degrees[0] },
    ];
    const one = await sqlFor(mixed(profiles[0] as Ids, 0));
    const hundred = await sqlFor(profiles.flatMap(mixed));
    // personById, personByHandle, skillBySlug, roleById (+ personById again for Role.person), degreeById
    expect({ one, hundred }).toEqual({ one: 6, hundred: 6 });
  });

  test('a gateway repeating its entity fetch is answered by a compiled query, with the same SQL', async () => {
    const compiled = async () => {
      const text = await (await fetch(new URL('/metrics', app.url))).text();
      const count = (result: string) =>
        Number(new RegExp(`^profilegraph_compiled_queries_total\\{result="${result}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
      return { answered: count('answered'), fallback: count('fallback') };
    };
    const representations = profiles.slice(0, 10).map((ids) => ({ __typename: 'Person', id: ids.person }));
    const before = await compiled();
    const counts = [await sqlFor(representations), await sqlFor(representations), await sqlFor(representations)];
    const after = await compiled();
    expect(counts).toEqual([1, 1, 1]);
    expect(after.fallback).toBe(before.fallback);
    expect(after.answered).toBeGreaterThan(before.answered);
  });

  test('a representation with a control character fails the request, as any input text does', async () => {
    const { errors, data } = await entities([{ __typename: 'Person', handle: 'person-0\u0000' }]);
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['representations', 0, 'handle'] });
  });

  test('10,000 representations exceed the query cost limit before any SQL runs', async () => {
    const representations = Array.from({ length: 10_000 }, (_, n) => ({ __typename: 'Person', handle: `person-${n}` }));
    let response: Awaited<ReturnType<typeof entities>> | undefined;
    const statements = await app.countStatements(async () => {
      response = await postGraphQL(subgraphUrl, 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
        r: representations,
      });
    });
    expect(response?.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 25_000 });
    expect(response?.status).toBe(400);
    expect(statements).toBe(0);
  });
});

describe('contact details through the subgraph', () => {
  const contact = `query ($representations: [_Any!]!, $id: ID!) {
    _entities(representations: $representations) { ... on Person { email } }
    node(id: $id) { ... on Person { email } }
    person(handle: "person-3") { email }
  }`;

  async function emails(authorization?: string) {
    const id = (profiles[3] as Ids).person;
    const { data, errors } = await postGraphQL<{ _entities: Entity[]; node: Entity; person: Entity }>(
      subgraphUrl,
      contact,
      {
        representations: [
          { __typename: 'Person', id },
          { __typename: 'Person', handle: 'person-3' },
        ],
        id,
      },
      authorization,
    );
    expect(errors).toBeUndefined();
    return [...(data?._entities ?? []), data?.node, data?.person].map((person) => person?.email);
  }

  test('are null for anonymous viewers and other people, whether by _entities, node or person', async () => {
    expect(await emails()).toEqual([null, null, null, null]);
    expect(await emails(await bearer('subject-4'))).toEqual([null, null, null, null]);
  });

  test('are shown to the owner and to admins', async () => {
    const email = 'person-3@example.com';
    expect(await emails(await bearer('subject-3'))).toEqual([email, email, email, email]);
    expect(await emails(await bearer('someone-else', { admin: true }))).toEqual([email, email, email, email]);
  });
});
