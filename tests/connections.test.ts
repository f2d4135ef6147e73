import type { GraphQLFormattedError } from 'graphql';
import { loadProfile } from '../src/seed/load-profile';
import { syntheticProfile } from './support/profiles';
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
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { handle } }
      nodes { handle }
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
  ])('%j is refused as BAD_USER_INPUT naming %s', async (variables, argument) => {
    const error = await peopleError(variables);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(error?.message).toMatch(new RegExp(`^${argument}: `));
  });

  test('list fields refuse a bad first too', async () => {
    const { errors } = await app.query('{ person(handle: "person-1") { roles(first: 101) { title } } }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const negative = await app.query('{ person(handle: "person-1") { skills(first: -1) { name } } }');
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
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
    const rows = await app.db.query<{ name: string }[]>('SELECT name FROM skill ORDER BY name, id');
    expect(names).toEqual(rows.map((row) => row.name));
  });

  test('skill(slug:) with peopleCount and a page of its people', async () => {
    const expected = await app.db.query<{ handle: string }[]>(
      `SELECT p.handle FROM person p JOIN person_skill ps ON ps."personId" = p.id JOIN skill s ON s.id = ps."skillId"
       WHERE s.slug = 'skill-3' ORDER BY p."createdAt" DESC, p.id DESC`,
    );
    const query = 'query ($after: String) { skill(slug: "skill-3") { name peopleCount people(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { handle } } } }';
    type Result = { skill: { name: string; peopleCount: number; people: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { handle: string }[] } } };
    const first = await app.query<Result>(query);
    expect(first.data?.skill).toMatchObject({ name: 'Skill 3', peopleCount: expected.length });
    expect(first.data?.skill.people.totalCount).toBe(expected.length);
    expect(first.data?.skill.people.nodes.map((p) => p.handle)).toEqual(expected.slice(0, 2).map((r) => r.handle));
    const second = await app.query<Result>(query, { after: first.data?.skill.people.pageInfo.endCursor });
    expect(second.data?.skill.people.nodes.map((p) => p.handle)).toEqual(expected.slice(2, 4).map((r) => r.handle));

    const unknown = await app.query('{ skill(slug: "cobol-on-cogs") { name } }');
    expect(unknown.data).toEqual({ skill: null });
  });
});
