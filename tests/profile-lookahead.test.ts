import { syntheticProfile } from '../bench/synthetic-profile';
import { sqlLogger } from '../src/database/sql-logger';
import { loadProfile } from '../src/seed/load-profile';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer } from './support/tokens';

// A field that returns a person, or a page of people, reads its selection and brings the
// profiles' sections in the person's (the page's) own statement. What it reads must be what
// graphql then resolves: every answer here is compared with the same selection under
// `Skill.people`, whose sections are read by their own loaders (no lookahead), and must cost
// exactly one statement, in graphql-js and compiled alike.

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ MAX_ALIASES: 100, MAX_TOKENS: 50_000, MAX_QUERY_COST: 1_000_000 });
  await loadProfile(app.db, syntheticProfile(0, { roles: 5, degrees: 3, skills: 8 }), 'owner-0');
  await loadProfile(app.db, syntheticProfile(1, { roles: 1, degrees: 0, skills: 1 }));
  for (let n = 2; n < 6; n++) await loadProfile(app.db, syntheticProfile(n));
});

afterAll(() => app.close());

interface Sent {
  text: string;
  statements: string[];
}

/** Posts `query` and returns the answer's text and the SQL it cost. */
async function send(query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<Sent> {
  const logQuery = jest.spyOn(sqlLogger(app.db), 'logQuery');
  try {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { text: await response.text(), statements: logQuery.mock.calls.map(([sql]) => sql) };
  } finally {
    logQuery.mockRestore();
  }
}

/** Sends it three times (graphql-js, then compiled); the same bytes and one statement each time. */
async function answerOnce(query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<Sent> {
  const first = await send(query, variables, authorization);
  for (let i = 0; i < 2; i++) {
    const again = await send(query, variables, authorization);
    expect(again.text).toBe(first.text);
    expect(again.statements).toHaveLength(first.statements.length);
  }
  expect(first.statements).toHaveLength(1);
  return first;
}

/** A skill of the person's: through it, Skill.people finds them. */
async function firstSkill(handle: string): Promise<string> {
  const { text } = await send('query ($handle: String!) { person(handle: $handle) { skills(first: 1) { slug } } }', { handle });
  const slug = (JSON.parse(text) as { data: { person: { skills: { slug: string }[] } | null } }).data.person?.skills[0]?.slug;
  if (!slug) throw new Error(`${handle} lists no skill`);
  return slug;
}

/** The same selection for a person found through one of their skills, whose sections are loaded without lookahead. */
async function withoutLookahead(
  handle: string,
  definitions: string,
  selection: string,
  fragments: string,
  variables: Record<string, unknown>,
) {
  const slug = await firstSkill(handle);
  const query = `query Reference${definitions} { skill(slug: "${slug}") { people(first: 100) { nodes { referenceHandle: handle ... on Person ${selection} } } } } ${fragments}`;
  const { text } = await send(query, variables);
  const { data } = JSON.parse(text) as { data: { skill: { people: { nodes: Record<string, unknown>[] } } } };
  const node = data.skill.people.nodes.find((it) => it.referenceHandle === handle);
  if (!node) throw new Error(`${handle} is not in the list`);
  delete node.referenceHandle;
  return node;
}

const sectionTables = /\b(role|degree|person_skill)\b/g;

describe('person(handle:) brings the sections its selection shows in one statement', () => {
  test.each<
    [string, { definitions?: string; selection: string; fragments?: string; variables?: Record<string, unknown>; tables: string[] }]
  >([
    [
      'every section',
      { selection: '{ name roles { title } degrees { institution } skills { name } }', tables: ['role', 'degree', 'person_skill'] },
    ],
    [
      'named fragments, nested',
      {
        selection: '{ ...Card }',
        fragments: 'fragment Card on Person { name ...Work } fragment Work on Person { roles(first: 2) { title } }',
        tables: ['role'],
      },
    ],
    [
      'inline fragments on Person, on Node, and without a type',
      {
        selection: '{ ... on Person { degrees { degree } } ... on Node { id } ... { skills(first: 3) { slug } } }',
        tables: ['degree', 'person_skill'],
      },
    ],
    [
      '@include and @skip with variables, on fields and fragments',
      {
        definitions: '($yes: Boolean!, $no: Boolean!)',
        selection:
          '{ roles @include(if: $yes) { title } degrees @include(if: $no) { field } ...S @skip(if: $no) ... @skip(if: $yes) { name } }',
        fragments: 'fragment S on Person { skills(first: 1) { name } }',
        variables: { yes: true, no: false },
        tables: ['role', 'person_skill'],
      },
    ],
    [
      'the same directives the other way round',
      {
        definitions: '($yes: Boolean!, $no: Boolean!)',
        selection:
          '{ roles @include(if: $yes) { title } degrees @include(if: $no) { field } ...S @skip(if: $no) ... @skip(if: $yes) { name } }',
        fragments: 'fragment S on Person { skills(first: 1) { name } }',
        variables: { yes: false, no: true },
        tables: ['degree'],
      },
    ],
    [
      'aliases of a section with different sizes',
      {
        selection:
          '{ top: roles(first: 1) { title } all: roles { company } few: skills(first: 2) { slug } more: skills(first: 5) { name } none: skills(first: 0) { id } }',
        tables: ['role', 'person_skill'],
      },
    ],
    [
      'sizes from variables, one of them left out',
      {
        definitions: '($roles: Int, $skills: Int)',
        selection: '{ roles(first: $roles) { title } skills(first: $skills) { name } }',
        variables: { skills: 4 },
        tables: ['role', 'person_skill'],
      },
    ],
    ['no section at all', { selection: '{ name headline }', tables: [] }],
  ])('%s', async (_, { definitions = '', selection, fragments = '', variables = {}, tables }) => {
    for (const handle of ['person-0', 'PERSON-1']) {
      const query = `query Profile${definitions} { person(handle: "${handle}") ${selection} } ${fragments}`;
      const { text, statements } = await answerOnce(query, variables);
      const reference = await withoutLookahead(handle.toLowerCase(), definitions, selection, fragments, variables);
      expect(text).toBe(`${JSON.stringify({ data: { person: reference } })}\n`);
      expect([...new Set(statements[0]?.match(sectionTables))].sort()).toEqual([...tables].sort());
    }
  });

  test('a handle no one has', async () => {
    const { text } = await answerOnce('{ person(handle: "nobody") { name roles { title } } }');
    expect(text).toBe('{"data":{"person":null}}\n');
  });

  test('a size the field refuses is still its error, and the rest still comes in one statement', async () => {
    const query = '{ person(handle: "person-0") { name roles(first: -1) { title } skills(first: 2) { name } } }';
    const { text, statements } = await send(query);
    expect(JSON.parse(text)).toMatchObject({
      data: { person: null },
      errors: [{ path: ['person', 'roles'], extensions: { code: 'BAD_USER_INPUT', field: ['first'] } }],
    });
    expect(statements).toHaveLength(1);
  });

  test('50 aliases, each with its own selection, in one statement', async () => {
    const selections = [
      '{ roles(first: 1) { title } }',
      '{ skills { name } degrees { degree } }',
      '{ name }',
      '{ a: roles { title } b: roles(first: 2) { company } }',
      '{ ...F }',
    ];
    const aliases = Array.from({ length: 50 }, (_, i) => `p${i}: person(handle: "person-${i % 7}") ${selections[i % selections.length]}`);
    const fragment = 'fragment F on Person { skills(first: 3) { slug } }';
    const query = `{ ${aliases.join('\n')} } ${fragment}`;
    const { text } = await answerOnce(query);
    const { data } = JSON.parse(text) as { data: Record<string, unknown> };
    for (let i = 0; i < 50; i++) {
      const handle = `person-${i % 7}`;
      const selection = selections[i % selections.length] ?? '';
      const fragments = selection.includes('...F') ? fragment : '';
      const reference = handle === 'person-6' ? null : await withoutLookahead(handle, '', selection, fragments, {});
      expect(data[`p${i}`]).toEqual(reference);
    }
  });
});

describe('viewer, node, nodes and Role.person look ahead too', () => {
  const selection = '{ handle roles(first: 2) { title } degrees { institution } skills { name } }';

  test('viewer', async () => {
    const { text } = await answerOnce(`{ viewer ${selection} }`, {}, await bearer('owner-0'));
    expect(JSON.parse(text)).toEqual({ data: { viewer: await withoutLookahead('person-0', '', selection, '', {}) } });
  });

  test('node and nodes, with sections only under Person', async () => {
    const { text: idsText } = await send('{ people(first: 3) { nodes { id handle skills(first: 1) { id } } } }');
    const people = (JSON.parse(idsText) as { data: { people: { nodes: { id: string; handle: string; skills: { id: string }[] }[] } } }).data
      .people.nodes;
    const [person] = people;
    if (!person) throw new Error('no people');
    const one = await answerOnce(`query ($id: ID!) { node(id: $id) { id ... on Person ${selection} } }`, { id: person.id });
    expect(JSON.parse(one.text)).toEqual({
      data: { node: { id: person.id, ...(await withoutLookahead(person.handle, '', selection, '', {})) } },
    });

    // People in one statement, skills in another: a Skill's fragment does not ask for sections.
    const ids = [...people.map((it) => it.id), ...people.flatMap((it) => it.skills.map((skill) => skill.id))];
    const many = await send(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Person ${selection} ... on Skill { name } } }`, { ids });
    expect(many.statements).toHaveLength(2);
    const nodes = (JSON.parse(many.text) as { data: { nodes: { handle?: string }[] } }).data.nodes;
    for (const it of people) expect(nodes).toContainEqual(await withoutLookahead(it.handle, '', selection, '', {}));
  });

  test('Role.person', async () => {
    const query = `{ person(handle: "person-2") { roles(first: 1) { person ${selection} } } }`;
    const { text, statements } = await send(query);
    // The person with their first role, then the role's person with the sections it shows.
    expect(statements).toHaveLength(2);
    const { data } = JSON.parse(text) as { data: { person: { roles: { person: unknown }[] } } };
    expect(data.person.roles[0]?.person).toEqual(await withoutLookahead('person-2', '', selection, '', {}));
  });
});

describe('people(...) brings the sections its people show in its own statement', () => {
  test.each<
    [string, { definitions?: string; connection: string; fragments?: string; variables?: Record<string, unknown>; tables: string[] }]
  >([
    [
      'nodes, every section',
      {
        connection: '{ nodes { handle roles { title } degrees { institution } skills { name } } }',
        tables: ['role', 'degree', 'person_skill'],
      },
    ],
    [
      'edges { node }, through named fragments on the connection, the edge and the person',
      {
        connection: '{ ...Page }',
        fragments:
          'fragment Page on PersonConnection { edges { ...Edge } } fragment Edge on PersonEdge { cursor node { handle ...Work } } fragment Work on Person { roles(first: 2) { title } }',
        tables: ['role'],
      },
    ],
    [
      'aliases of nodes and edges, with different sizes of a section',
      {
        connection:
          '{ a: nodes { handle top: roles(first: 1) { title } } b: edges { node { handle all: roles { company } few: skills(first: 2) { slug } } } }',
        tables: ['role', 'person_skill'],
      },
    ],
    [
      '@include and @skip with variables',
      {
        definitions: '($yes: Boolean!, $no: Boolean!)',
        connection:
          '{ nodes { handle roles @skip(if: $yes) { title } skills @include(if: $yes) { name } } edges @include(if: $no) { node { degrees { field } } } }',
        variables: { yes: true, no: false },
        tables: ['person_skill'],
      },
    ],
    ['no section at all', { connection: '{ nodes { handle name } pageInfo { hasNextPage } }', tables: [] }],
  ])('%s', async (_, { definitions = '', connection, fragments = '', variables = {}, tables }) => {
    const { text, statements } = await answerOnce(`query List${definitions} { people(first: 100) ${connection} } ${fragments}`, variables);
    expect([...new Set(statements[0]?.match(sectionTables))].sort()).toEqual([...tables].sort());
    // Skill.people lists the same people in the same order, those with the skill only.
    const slug = await firstSkill('person-0');
    const reference = await send(
      `query Reference${definitions} { skill(slug: "${slug}") { people(first: 100) ${connection} } } ${fragments}`,
      variables,
    );
    const referencePeople = (JSON.parse(reference.text) as { data: { skill: { people: Record<string, unknown> } } }).data.skill.people;
    const people = (JSON.parse(text) as { data: { people: Record<string, unknown> } }).data.people;
    const handles = new Set<unknown>();
    const handleOf = (item: { handle?: unknown; node?: { handle?: unknown } }) => item.handle ?? item.node?.handle;
    for (const list of Object.values(referencePeople)) {
      if (Array.isArray(list)) for (const item of list) handles.add(handleOf(item as never));
    }
    const onlyReferenced = Object.fromEntries(
      Object.entries(people).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.filter((item) => handles.has(handleOf(item as never))) : value,
      ]),
    );
    expect(handles.size).toBeGreaterThan(0);
    expect(onlyReferenced).toEqual({ ...referencePeople, ...('pageInfo' in referencePeople ? { pageInfo: people.pageInfo } : {}) });
  });
});
