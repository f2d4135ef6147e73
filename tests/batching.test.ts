import { loadProfile } from '../src/seed/load-profile';
import { syntheticProfile } from '../bench/synthetic-profile';
import { peopleListQuery, profileFields, profilePageQuery } from './support/queries';
import { startTestApp, type TestApp } from './support/test-app';

// The SQL a query costs must not grow with the rows it returns: every count below is measured
// with a small and a large result and must be the same.

let app: TestApp;

beforeAll(async () => {
  // 50 profile pages in one request exceed the default alias, token and cost limits on purpose.
  app = await startTestApp({ MAX_ALIASES: 100, MAX_TOKENS: 50_000, MAX_QUERY_COST: 1_000_000 });
});

afterAll(() => app.close());

async function statementsFor(query: string, variables?: Record<string, unknown>, target = app): Promise<number> {
  return target.countStatements(async () => {
    const { errors } = await target.query(query, variables);
    expect(errors).toBeUndefined();
  });
}

function profilePages(handles: string[]): string {
  return `{ ${handles.map((handle, i) => `p${i}: person(handle: "${handle}") ${profileFields}`).join('\n')} }`;
}

describe('SQL statements per query', () => {
  beforeAll(async () => {
    await loadProfile(app.db, { ...syntheticProfile(0, { roles: 1, degrees: 1, skills: 1 }), handle: 'small' });
    await loadProfile(app.db, { ...syntheticProfile(1, { roles: 50, degrees: 50, skills: 50 }), handle: 'large' });
  });

  // The person with their roles, degrees and skills: person(handle:) looks ahead at its selection.
  test('the profile page costs 1 statement whether the profile has 1 or 50 of each section', async () => {
    const small = await statementsFor(profilePageQuery, { handle: 'small' });
    const large = await statementsFor(profilePageQuery, { handle: 'large' });
    expect({ small, large }).toEqual({ small: 1, large: 1 });
  });

  test('50 profile pages in one request cost what one does', async () => {
    for (let n = 2; n < 50; n++) await loadProfile(app.db, syntheticProfile(n));
    const handles = ['large', 'small', ...Array.from({ length: 48 }, (_, i) => `person-${i + 2}`)];
    const one = await statementsFor(profilePages(handles.slice(0, 1)));
    const fifty = await statementsFor(profilePages(handles));
    expect({ one, fifty }).toEqual({ one: 1, fifty: 1 });
  });
});

describe('the people list: roles(first: 3), degrees, skills and skill.peopleCount for each person', () => {
  test('costs 2 statements for 1 person and for 50', async () => {
    const listApp = await startTestApp();
    try {
      const count = () => statementsFor(peopleListQuery, { first: 50 }, listApp);
      await loadProfile(listApp.db, syntheticProfile(0));
      const one = await count();
      for (let n = 1; n < 50; n++) await loadProfile(listApp.db, syntheticProfile(n));
      const { data } = await listApp.query<{ people: { totalCount: number; edges: unknown[] } }>(peopleListQuery, { first: 50 });
      expect(data?.people.edges).toHaveLength(50);
      const fifty = await count();
      // the page with each person's roles, degrees and skills (peopleCount is a column of skill); totalCount
      expect({ one, fifty }).toEqual({ one: 2, fifty: 2 });
    } finally {
      await listApp.close();
    }
  });
});

describe('other relations are batched too', () => {
  test('skills with their people (each with a role) cost the same for 1 skill and for 40', async () => {
    const query = (first: number) => `{
      skills(first: ${first}) {
        nodes { name peopleCount people(first: 5) { totalCount nodes { handle roles(first: 1) { title person { handle } } } } }
      }
    }`;
    const one = await statementsFor(query(1));
    const forty = await statementsFor(query(40));
    // skills page, people pages, roles, role.person (peopleCount and totalCount are skill's column)
    expect({ one, forty }).toEqual({ one: 4, forty: 4 });
  });

  test('nodes(ids:) loads each type once, however many IDs', async () => {
    const { data } = await app.query<{ people: { nodes: { id: string; roles: { id: string }[]; skills: { id: string }[] }[] } }>(
      '{ people(first: 50) { nodes { id roles { id } skills { id } } } }',
    );
    const people = data?.people.nodes ?? [];
    const [first] = people;
    if (!first) throw new Error('no people');
    const oneOfEach = [first.id, first.roles[0]?.id, first.skills[0]?.id];
    const ids = people.flatMap((person) => [person.id, ...person.roles.map((r) => r.id), ...person.skills.map((s) => s.id)]);
    expect(ids.length).toBeGreaterThan(100);
    const query = 'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const few = await statementsFor(query, { ids: oneOfEach });
    const many = await statementsFor(query, { ids: ids.slice(0, 100) });
    expect({ few, many }).toEqual({ few: 3, many: 3 });
  });
});
