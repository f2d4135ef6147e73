import type { GraphQLFormattedError } from 'graphql';
import { loadProfile } from '../src/seed/load-profile';
import { syntheticProfile } from '../bench/synthetic-profile';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { handle: string } }[];
  nodes: { handle: string }[];
}

const peoplePage = /* GraphQL */ `
  query People($first: Int, $after: String, $last: Int, $before: String) {
    people(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          handle
        }
      }
      nodes {
        handle
      }
    }
  }
`;

let app: TestApp;
let newestFirst: string[];

async function people(variables: Record<string, unknown>): Promise<Page> {
  const { data, errors } = await app.query<{ people: Page }>(peoplePage, variables);
  expect(errors).toBeUndefined();
  if (!data) throw new Error('no data');
  return data.people;
}

async function peopleError(variables: Record<string, unknown>): Promise<GraphQLFormattedError | undefined> {
  const { errors } = await app.query(peoplePage, variables);
  return errors?.[0];
}

const handles = (page: Page) => page.edges.map((edge) => edge.node.handle);
const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

beforeAll(async () => {
  app = await startTestApp();
  for (let n = 0; n < 25; n++) await loadProfile(app.db, syntheticProfile(n));
  const rows = await app.db.query<{ handle: string }[]>('SELECT handle FROM person ORDER BY "createdAt" DESC, id DESC');
  newestFirst = rows.map((row) => row.handle);
});

afterAll(() => app.close());

describe('people', () => {
  test('pages forward through everyone, newest first, with exact page info', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page = await people({ first: 10, after });
      pages += 1;
      expect(page.totalCount).toBe(25);
      expect(page.nodes).toEqual(page.edges.map((edge) => edge.node));
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...handles(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst);
  });

  test('pages backward with last/before', async () => {
    const tail = await people({ last: 5 });
    expect(handles(tail)).toEqual(newestFirst.slice(20));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });

    const before = await people({ last: 4, before: tail.pageInfo.startCursor });
    expect(handles(before)).toEqual(newestFirst.slice(16, 20));
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });

    const head = await people({ last: 10, before: (await people({ first: 3 })).pageInfo.endCursor });
    expect(handles(head)).toEqual(newestFirst.slice(0, 2));
    expect(head.pageInfo.hasPreviousPage).toBe(false);
  });

  test('before alone reads the page that ends there', async () => {
    const all = await people({ first: 25 });
    const page = await people({ before: all.edges[22]?.cursor });
    expect(handles(page)).toEqual(newestFirst.slice(2, 22));
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  test('first with both after and before reads the window between them', async () => {
    const all = await people({ first: 25 });
    const page = await people({ first: 10, after: all.edges[4]?.cursor, before: all.edges[8]?.cursor });
    expect(handles(page)).toEqual(newestFirst.slice(5, 8));
  });

  test('a cursor keeps its place when people are added before it', async () => {
    const first = await people({ first: 5 });
    const nextBefore = handles(await people({ first: 5, after: first.pageInfo.endCursor }));
    await loadProfile(app.db, syntheticProfile(100));
    const nextAfter = await people({ first: 5, after: first.pageInfo.endCursor });
    expect(handles(nextAfter)).toEqual(nextBefore);
    expect(nextAfter.totalCount).toBe(26);
    await app.db.query(`DELETE FROM person WHERE handle = 'person-100'`);
  });

  test('page size defaults to 20 and may be 0 to 100', async () => {
    expect((await people({})).edges).toHaveLength(20);
    expect((await people({ first: 100 })).edges).toHaveLength(25);
    const empty = await people({ first: 0 });
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toMatchObject({ hasNextPage: true, startCursor: null, endCursor: null });
  });

  test.each([
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ last: 101 }, 'last'],
    [{ last: -5 }, 'last'],
    [{ first: 2, last: 2 }, 'last'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ before: Buffer.from('["yesterday", 1]').toString('base64url') }, 'before'],
    [{ after: Buffer.from('{"id":1}').toString('base64url') }, 'after'],
    // Values JavaScript parses but PostgreSQL would refuse must not reach SQL.
    [{ after: cursor(['people', '2020-02-30T00:00:00.000Z', 1]) }, 'after'],
    [{ after: cursor(['people', '2020-01-01', 1]) }, 'after'],
    [{ after: cursor(['people', '+275760-09-13T00:00:00.000Z', 1]) }, 'after'],
    [{ after: cursor(['people', '2020-01-01T00:00:00.000Z', 2_147_483_648]) }, 'after'],
    [{ after: cursor(['people', '2020-01-01T00:00:00.000Z', 1.5]) }, 'after'],
    // A cursor from another list.
    [{ after: cursor(['skills', 'Python', 1]) }, 'after'],
    [{ after: cursor(['2020-01-01T00:00:00.000Z', 1]) }, 'after'],
  ])('%j is refused as BAD_USER_INPUT naming %s', async (variables, argument) => {
    const error = await peopleError(variables);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: [argument] });
    expect(error?.message).toMatch(new RegExp(`^${argument}: `));
  });

  test('a handle PostgreSQL cannot hold is refused before anything runs, naming the argument', async () => {
    const statements = await app.countStatements(async () => {
      const { data, errors } = await app.query<{ a: { handle: string } | null; b: null }>(
        'query ($bad: String!) { a: person(handle: "person-1") { handle } b: person(handle: $bad) { handle } }',
        { bad: 'person-1\u0000' },
      );
      expect(data).toBeUndefined();
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['handle'] });
    });
    expect(statements).toBe(0);
  });

  test('list fields refuse a bad first too', async () => {
    const { errors } = await app.query('{ person(handle: "person-1") { roles(first: 101) { title } } }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['first'] });
    const negative = await app.query('{ person(handle: "person-1") { skills(first: -1) { name } } }');
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['first'] });
  });
});

describe('skills', () => {
  interface SkillPage {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { name: string; slug: string; peopleCount: number }[];
  }

  test('the directory pages through every skill in name order', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse<{ skills: SkillPage }> = await app.query<{ skills: SkillPage }>(
        'query ($after: String) { skills(first: 15, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name slug peopleCount } } }',
        { after },
      );
      expect(response.errors).toBeUndefined();
      const page: SkillPage | undefined = response.data?.skills;
      if (!page) throw new Error('no data');
      expect(page.totalCount).toBe(30);
      names.push(...page.nodes.map((skill) => skill.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // Alphabetical as people read it, whatever the server's collation: case does not sort first.
    const expected = Array.from({ length: 30 }, (_, i) => `Skill ${i}`).sort((a, b) => a.localeCompare(b, 'en'));
    expect(names).toEqual(expected);
    await app.db.query(`INSERT INTO skill (name, slug) VALUES ('asyncio', 'asyncio'), ('Zig', 'zig'), ('Äther', 'aether')`);
    const { data } = await app.query<{ skills: SkillPage }>(
      '{ skills(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { name slug peopleCount } } }',
    );
    const all = data?.skills.nodes.map((skill) => skill.name) ?? [];
    expect(all.indexOf('asyncio')).toBeLessThan(all.indexOf('Skill 0'));
    expect(all.indexOf('Äther')).toBeLessThan(all.indexOf('Skill 0'));
    expect(all.at(-1)).toBe('Zig');
    await app.db.query(`DELETE FROM skill WHERE slug IN ('asyncio', 'zig', 'aether')`);
  });

  test('a skills cursor is refused by people, and a people cursor by skills', async () => {
    const skillsPage = await app.query<{ skills: SkillPage }>('{ skills(first: 1) { pageInfo { endCursor } } }');
    const fromSkills = skillsPage.data?.skills.pageInfo.endCursor;
    expect((await peopleError({ after: fromSkills }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    const fromPeople = (await people({ first: 1 })).pageInfo.endCursor;
    const { errors } = await app.query('query ($after: String) { skills(after: $after) { totalCount } }', { after: fromPeople });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
  });

  test('skill(slug:) with peopleCount and a page of its people', async () => {
    const expected = await app.db.query<{ handle: string }[]>(
      `SELECT p.handle FROM person p JOIN person_skill ps ON ps."personId" = p.id JOIN skill s ON s.id = ps."skillId"
       WHERE s.slug = 'skill-3' ORDER BY p."createdAt" DESC, p.id DESC`,
    );
    const query =
      'query ($after: String) { skill(slug: "skill-3") { name peopleCount people(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { handle } } } }';
    type Result = {
      skill: {
        name: string;
        peopleCount: number;
        people: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { handle: string }[] };
      };
    };
    const first = await app.query<Result>(query);
    expect(first.data?.skill).toMatchObject({ name: 'Skill 3', peopleCount: expected.length });
    expect(first.data?.skill.people.totalCount).toBe(expected.length);
    expect(first.data?.skill.people.nodes.map((p) => p.handle)).toEqual(expected.slice(0, 2).map((r) => r.handle));
    const second = await app.query<Result>(query, { after: first.data?.skill.people.pageInfo.endCursor });
    expect(second.data?.skill.people.nodes.map((p) => p.handle)).toEqual(expected.slice(2, 4).map((r) => r.handle));

    const unknown = await app.query('{ skill(slug: "cobol-on-cogs") { name } }');
    expect(unknown.data).toEqual({ skill: null });
  });

  test('pages of different skills, sizes and cursors in one request each get their own rows', async () => {
    const peopleWith = async (slug: string) =>
      (
        await app.db.query<{ handle: string }[]>(
          `SELECT p.handle FROM person p JOIN person_skill ps ON ps."personId" = p.id JOIN skill s ON s.id = ps."skillId"
           WHERE s.slug = $1 ORDER BY p."createdAt" DESC, p.id DESC`,
          [slug],
        )
      ).map((row) => row.handle);
    const [five, six] = [await peopleWith('skill-5'), await peopleWith('skill-6')];
    const firstPage = await app.query<{ skill: { people: { pageInfo: { endCursor: string } } } }>(
      '{ skill(slug: "skill-6") { people(first: 2) { pageInfo { endCursor } } } }',
    );
    type Pages = Record<'a' | 'b' | 'c', { people: { nodes: { handle: string }[] } }>;
    const { data, errors } = await app.query<Pages>(
      `query ($after: String) {
        a: skill(slug: "skill-5") { people(first: 1) { nodes { handle } } }
        b: skill(slug: "skill-6") { people(first: 3, after: $after) { nodes { handle } } }
        c: skill(slug: "skill-5") { people(first: 4) { nodes { handle } } }
      }`,
      { after: firstPage.data?.skill.people.pageInfo.endCursor },
    );
    expect(errors).toBeUndefined();
    const names = (key: 'a' | 'b' | 'c') => data?.[key].people.nodes.map((node) => node.handle);
    expect(names('a')).toEqual(five.slice(0, 1));
    expect(names('b')).toEqual(six.slice(2, 5));
    expect(names('c')).toEqual(five.slice(0, 4));
  });
});
