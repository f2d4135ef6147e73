import { syntheticProfile } from '../bench/synthetic-profile';
import type { SeedProfile } from '../src/seed/seed-profile';
import { loadProfile } from '../src/seed/load-profile';
import { errorCode, startAppOn, startTestApp, type TestApp } from './support/test-app';

// Talent search: filters, full-text search, orders and their cursors, totals and facets, on a
// small hand-made marketplace whose answers can be worked out by hand.

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { handle: string }[];
}

const search = /* GraphQL */ `
  query Search($filter: PersonFilter, $orderBy: PersonOrder, $first: Int, $after: String) {
    people(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        handle
      }
    }
  }
`;

function person(handle: string, changes: Partial<SeedProfile>): SeedProfile {
  return { ...syntheticProfile(0), handle, name: handle, headline: null, skills: [], ...changes };
}

function role(description: string, title = 'Engineer', company = 'Acme'): SeedProfile['roles'][number] {
  return { title, company, location: null, startDate: '2020', endDate: null, isCurrent: true, description, highlights: [] };
}

const people: SeedProfile[] = [
  person('ada', {
    name: 'Ada Lovelace',
    headline: 'Data engineer',
    location: 'Toronto, Canada',
    availability: 'More than 30 hrs/week',
    jobCategories: ['Data Engineering'],
    authorizedToWorkIn: ['Canada'],
    roles: [role('Built data pipelines on Kafka and Flink', 'Data Engineer', 'Shopify')],
    skills: ['PostgreSQL', 'Python', 'Kafka'],
  }),
  person('bob', {
    name: 'Bob Pipeline',
    location: 'Lisbon, Portugal',
    availability: 'Less than 30 hrs/week',
    jobCategories: ['Web Development'],
    authorizedToWorkIn: ['Portugal'],
    roles: [role('Pipelines for data, written in Go', 'Backend Developer', 'Kafkaesque Ltd')],
    skills: ['Go', 'PostgreSQL'],
  }),
  person('cyd', {
    name: 'Cyd Charisse',
    location: 'Vancouver, Canada',
    availability: 'More than 30 hrs/week',
    jobCategories: ['Data Engineering', 'Machine Learning'],
    authorizedToWorkIn: ['Canada', 'United States'],
    roles: [role('Streaming data pipelines, model training', 'ML Engineer', 'Acme')],
    skills: ['Python', 'PyTorch', 'Kubernetes'],
  }),
  person('dee', {
    name: 'Dee Dee',
    location: null,
    jobCategories: [],
    authorizedToWorkIn: [],
    roles: [role('Designs landing pages', 'Designer', 'Studio 100%')],
    skills: ['Figma'],
  }),
];

let app: TestApp;

async function find(variables: Record<string, unknown>): Promise<Page> {
  const { data, errors } = await app.query<{ people: Page }>(search, variables);
  expect(errors).toBeUndefined();
  if (!data) throw new Error('no data');
  return data.people;
}

const handles = (page: Page) => page.nodes.map((node) => node.handle);
const matching = async (filter: Record<string, unknown>) => handles(await find({ filter, first: 100 })).sort();

beforeAll(async () => {
  app = await startTestApp();
  for (const profile of people) await loadProfile(app.db, profile);
});

afterAll(() => app.close());

describe('people(filter:)', () => {
  test('skills: has all of them, named as people type them; anySkills: at least one', async () => {
    expect(await matching({ skills: ['postgres', 'PYTHON'] })).toEqual(['ada']);
    expect(await matching({ skills: ['PostgreSQL'] })).toEqual(['ada', 'bob']);
    expect(await matching({ anySkills: ['golang', 'pytorch'] })).toEqual(['bob', 'cyd']);
    expect(await matching({ skills: ['Python'], anySkills: ['k8s', 'Go'] })).toEqual(['cyd']);
  });

  test('an unknown skill is an empty result, not an error', async () => {
    expect(await find({ filter: { skills: ['Python', 'Cobol on Wheels'] } })).toMatchObject({ totalCount: 0, nodes: [] });
    expect(await matching({ anySkills: ['Cobol on Wheels', 'Figma'] })).toEqual(['dee']);
  });

  test('location contains, in any case; availability, job category and work authorisation in any case', async () => {
    expect(await matching({ location: 'canada' })).toEqual(['ada', 'cyd']);
    expect(await matching({ location: '100%' })).toEqual([]);
    expect(await matching({ availability: 'more than 30 HRS/week' })).toEqual(['ada', 'cyd']);
    expect(await matching({ jobCategory: 'machine learning' })).toEqual(['cyd']);
    expect(await matching({ authorizedToWorkIn: 'united states' })).toEqual(['cyd']);
    expect(await matching({ location: 'Canada', jobCategory: 'Data Engineering', skills: ['Kafka'] })).toEqual(['ada']);
  });

  test('search: words are prefixes, quoted words a phrase, -word excludes; over names, roles and companies', async () => {
    expect(await matching({ search: '"data pipelines" kafk' })).toEqual(['ada']);
    expect(await matching({ search: '"data pipelines"' })).toEqual(['ada', 'cyd']);
    expect(await matching({ search: 'pipeline' })).toEqual(['ada', 'bob', 'cyd']);
    expect(await matching({ search: 'pipeline -kafka' })).toEqual(['bob', 'cyd']);
    expect(await matching({ search: 'shopify' })).toEqual(['ada']);
    expect(await matching({ search: 'charisse' })).toEqual(['cyd']);
    expect(await matching({ search: 'landing' })).toEqual(['dee']);
    // Punctuation is no syntax error.
    expect(await matching({ search: `pipe'lines & ) ! :*` })).toEqual([]);
    expect(await matching({ search: '   ' })).toEqual(['ada', 'bob', 'cyd', 'dee']);
  });

  test('search ranks the best match first: the name outweighs a role description', async () => {
    expect(handles(await find({ filter: { search: 'pipeline' } }))[0]).toBe('bob');
  });

  test('writes reach the search at once: new role text, a renamed person', async () => {
    await app.db.query(
      `UPDATE role SET description = 'Quantum annealing research' WHERE "personId" = (SELECT id FROM person WHERE handle = 'dee')`,
    );
    expect(await matching({ search: 'annealing' })).toEqual(['dee']);
    expect(await matching({ search: 'landing' })).toEqual([]);
    await app.db.query(`UPDATE person SET name = 'Deirdre Zebulon' WHERE handle = 'dee'`);
    expect(await matching({ search: 'zebulon' })).toEqual(['dee']);
    await app.db.query(
      `UPDATE role SET description = 'Designs landing pages' WHERE "personId" = (SELECT id FROM person WHERE handle = 'dee')`,
    );
    await app.db.query(`UPDATE person SET name = 'dee' WHERE handle = 'dee'`);
  });

  test('bad input names the field and reads nothing', async () => {
    const long = await app.query(search, { filter: { search: 'x'.repeat(201) } });
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.extensions?.field).toEqual(['filter', 'search']);
    const relevance = await app.query(search, { orderBy: { field: 'RELEVANCE' } });
    expect(errorCode(relevance)).toBe('BAD_USER_INPUT');
    expect(relevance.errors?.[0]?.extensions?.field).toEqual(['orderBy']);
  });
});

describe('people(orderBy:)', () => {
  const all = async (orderBy: Record<string, unknown> | null, filter: Record<string, unknown> | null = null) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await find({ filter, orderBy, first: 1, after });
      seen.push(...handles(page));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
  };

  test('every order pages with keyset cursors to the same list one big page gives', async () => {
    const orders = [
      null,
      { field: 'NAME' },
      { field: 'NAME', direction: 'DESC' },
      { field: 'CREATED_AT', direction: 'ASC' },
      { field: 'UPDATED_AT' },
    ];
    for (const orderBy of orders) {
      expect(await all(orderBy)).toEqual(handles(await find({ orderBy, first: 100 })));
    }
    expect(await all({ field: 'NAME' })).toEqual(['ada', 'bob', 'cyd', 'dee']);
    const relevance = await all(null, { search: 'pipeline' });
    expect(relevance).toEqual(handles(await find({ filter: { search: 'pipeline' }, first: 100 })));
    expect(relevance).toHaveLength(3);
  });

  test('the default is newest first, or best match first when searching', async () => {
    expect(handles(await find({}))).toEqual(['dee', 'cyd', 'bob', 'ada']);
  });

  test('a cursor from one order is refused by another', async () => {
    const byName = await find({ orderBy: { field: 'NAME' }, first: 1 });
    const response = await app.query(search, { after: byName.pageInfo.endCursor, first: 1 });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });
});

describe('totalCount and skillFacets', () => {
  const facetsQuery = /* GraphQL */ `
    query Facets($filter: PersonFilter, $first: Int) {
      people(filter: $filter, first: 1) {
        totalCount
        skillFacets(first: $first) {
          skill {
            name
            peopleCount
          }
          count
        }
      }
    }
  `;
  const facets = async (filter: Record<string, unknown> | null, first?: number) => {
    const { data, errors } = await app.query<{
      people: { totalCount: number; skillFacets: { skill: { name: string; peopleCount: number }; count: number }[] };
    }>(facetsQuery, { filter, first });
    expect(errors).toBeUndefined();
    return data?.people;
  };

  test('count the whole result, not the page; facets count the skills of everyone matched', async () => {
    const result = await facets({ location: 'canada' });
    expect(result?.totalCount).toBe(2);
    expect(result?.skillFacets.map(({ skill, count }) => [skill.name, count])).toEqual([
      ['Python', 2],
      // Ties: newest skill first (skills new in one write are created in slug order).
      ...[
        ['PyTorch', 1],
        ['Kubernetes', 1],
        ['PostgreSQL', 1],
        ['Kafka', 1],
      ],
    ]);
    expect((await facets({ location: 'canada' }, 1))?.skillFacets).toHaveLength(1);
  });

  test('for everyone, facets are the most popular skills with their peopleCount', async () => {
    const result = await facets(null, 3);
    expect(result?.totalCount).toBe(4);
    expect(result?.skillFacets.map(({ skill, count }) => [skill.name, count, skill.peopleCount])).toEqual([
      ['Python', 2, 2],
      ['PostgreSQL', 2, 2],
      ['Figma', 1, 1],
    ]);
  });

  test('a talent search costs the same few statements for one result and for many', async () => {
    const talentSearch = /* GraphQL */ `
      query TalentSearch($filter: PersonFilter) {
        people(first: 20, filter: $filter) {
          totalCount
          skillFacets(first: 10) {
            skill {
              name
            }
            count
          }
          nodes {
            handle
            name
            headline
            roles(first: 3) {
              title
              company
              startDate
              endDate
            }
            skills {
              name
            }
          }
        }
      }
    `;
    const cost = (filter: Record<string, unknown>) =>
      app.countStatements(async () => expect((await app.query(talentSearch, { filter })).errors).toBeUndefined());
    const few = { skills: ['python', 'kafka'], search: 'data' };
    // The first search naming a skill also looks up its id; the process remembers it.
    expect(await cost(few)).toBeLessThanOrEqual(5);
    const one = await cost(few);
    const many = await cost({ search: 'engineer' });
    // the page with each person's roles and skills; totalCount and skillFacets together
    expect({ one, many }).toEqual({ one: 2, many: 2 });
    // A server that starts with these skills in the catalogue knows their ids from the start.
    const restarted = await startAppOn(app.databaseUrl);
    try {
      const first = await restarted.countStatements(async () =>
        expect((await restarted.query(talentSearch, { filter: few })).errors).toBeUndefined(),
      );
      expect(first).toBe(2);
    } finally {
      await restarted.close();
    }
  });
});

describe('skills(filter:, orderBy:)', () => {
  const directory = /* GraphQL */ `
    query Directory($filter: SkillFilter, $orderBy: SkillOrder, $first: Int, $after: String) {
      skills(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          peopleCount
        }
      }
    }
  `;
  const skills = async (variables: Record<string, unknown>) => {
    const { data, errors } = await app.query<{
      skills: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { name: string; peopleCount: number }[] };
    }>(directory, variables);
    expect(errors).toBeUndefined();
    if (!data) throw new Error('no data');
    return data.skills;
  };
  const names = async (variables: Record<string, unknown>) => (await skills(variables)).nodes.map((node) => node.name);

  test('autocomplete: prefixes first, then substrings, then near misses; aliases', async () => {
    expect(await names({ filter: { search: 'py' } })).toEqual(['Python', 'PyTorch']);
    expect(await names({ filter: { search: 'kubernets' } })).toEqual(['Kubernetes']);
    expect(await names({ filter: { search: 'k8s' } })).toEqual(['Kubernetes']);
    expect(await names({ filter: { search: 'postgres' } })).toEqual(['PostgreSQL']);
    expect(await names({ filter: { search: 'sql' } })).toEqual(['PostgreSQL']);
    expect(await names({ filter: { search: '%' } })).toEqual([]);
  });

  test('by popularity, paged by cursor; peopleCount follows every write', async () => {
    const first = await skills({ orderBy: { field: 'POPULARITY' }, first: 2 });
    expect(first.nodes).toEqual([
      { name: 'Python', peopleCount: 2 },
      { name: 'PostgreSQL', peopleCount: 2 },
    ]);
    const next = await skills({ orderBy: { field: 'POPULARITY' }, first: 100, after: first.pageInfo.endCursor });
    expect(next.nodes.every((node) => node.peopleCount === 1)).toBe(true);
    expect(next.nodes).toHaveLength(first.totalCount - 2);

    await app.db.query(`DELETE FROM person WHERE handle = 'bob'`);
    expect((await skills({ filter: { search: 'postgresql' } })).nodes).toEqual([{ name: 'PostgreSQL', peopleCount: 1 }]);
    await loadProfile(app.db, people[1] as SeedProfile);
    expect((await skills({ filter: { search: 'postgresql' } })).nodes).toEqual([{ name: 'PostgreSQL', peopleCount: 2 }]);
    // The search table's copy of each person's skills follows too.
    expect(await matching({ skills: ['go'] })).toEqual(['bob']);
    await app.db.query(`DELETE FROM person_skill WHERE "personId" = (SELECT id FROM person WHERE handle = 'bob')`);
    expect(await matching({ skills: ['go'] })).toEqual([]);
    await app.db.query(`DELETE FROM person WHERE handle = 'bob'`);
    await loadProfile(app.db, people[1] as SeedProfile);
  });

  test('by name, and by category', async () => {
    expect(await names({ orderBy: { field: 'NAME', direction: 'DESC' }, first: 2 })).toEqual(['PyTorch', 'Python']);
    await app.db.query(`UPDATE skill SET category = 'Languages' WHERE name IN ('Python', 'Go')`);
    expect(await names({ filter: { category: 'languages' } })).toEqual(['Go', 'Python']);
    expect(await names({ filter: { category: 'LANGUAGES', search: 'py' } })).toEqual(['Python']);
    const { data, errors } = await app.query<{ skillCategories: string[] }>('{ skillCategories }');
    expect(errors).toBeUndefined();
    expect(data?.skillCategories).toEqual(['Languages']);
  });
});
