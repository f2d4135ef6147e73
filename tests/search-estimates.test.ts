import { loadSyntheticPeople } from '../src/synthetic/bulk-load';
import { exactUpTo } from '../src/person/people-estimate';
import { startTestApp, type TestApp } from './support/test-app';

// totalCount and skillFacets: exact for lists of up to 10,000 people, estimated from the search
// sample past that, and every answer says which. Checked against exact counts in SQL on a
// generated marketplace large enough to have lists on both sides of the line.

const people = 30_000;

let app: TestApp;

interface Facet {
  skill: { name: string };
  count: number;
  isExact: boolean;
}

interface Summary {
  totalCount: number;
  totalCountIsExact: boolean;
  skillFacets: Facet[];
}

const summaryQuery = /* GraphQL */ `
  query Summary($filter: PersonFilter) {
    people(filter: $filter, first: 5) {
      totalCount
      totalCountIsExact
      skillFacets(first: 10) {
        skill {
          name
        }
        count
        isExact
      }
    }
  }
`;

async function summary(filter: Record<string, unknown>): Promise<Summary> {
  const { data, errors } = await app.query<{ people: Summary }>(summaryQuery, { filter });
  expect(errors).toBeUndefined();
  if (!data) throw new Error('no data');
  return data.people;
}

/** The exact answer, in SQL over the whole search table: how many match, and each skill's count among them. */
async function exactly(where: string, params: unknown[]): Promise<{ total: number; bySkill: Map<string, number> }> {
  const rows = await app.db.query<{ name: string | null; count: number }[]>(
    `WITH m AS (SELECT ps."skillIds" FROM person_search ps WHERE ${where})
     SELECT NULL AS name, count(*)::int AS count FROM m
     UNION ALL
     SELECT s.name, count(*)::int FROM m, unnest(m."skillIds") skill_id JOIN skill s ON s.id = skill_id GROUP BY s.name`,
    params,
  );
  return {
    total: rows.find((row) => row.name === null)?.count ?? 0,
    bySkill: new Map(rows.flatMap((row) => (row.name === null ? [] : [[row.name, row.count] as const]))),
  };
}

const wordMatch = `ps.document @@ to_tsquery('english', quote_literal($1::text) || ':*')`;

/** Search words by how many people's documents hold them. */
async function wordsByPeople(): Promise<{ word: string; people: number }[]> {
  return app.db.query(
    `SELECT word, ndoc AS people FROM ts_stat('SELECT document FROM person_search') WHERE word ~ '^[a-z]{4,}$' ORDER BY ndoc DESC, word`,
  );
}

const within = (estimate: number, truth: number, share: number) => Math.abs(estimate - truth) <= share * truth;

beforeAll(async () => {
  app = await startTestApp();
  await loadSyntheticPeople(app.databaseUrl, { people, seed: 11 });
}, 300_000);

// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
afterAll(() => app?.close());

test('lists of up to 10,000 people are counted and faceted exactly, and say so', async () => {
  const words = await wordsByPeople();
  // The broadest word list that is still at most exactUpTo, and one far smaller.
  const near = words.find((word) => word.people <= exactUpTo);
  const small = words.find((word) => word.people <= 500);
  expect(near?.people).toBeGreaterThan(exactUpTo * 0.8);
  for (const { word } of [near, small].flatMap((item) => (item ? [item] : []))) {
    const truth = await exactly(wordMatch, [word]);
    const answer = await summary({ search: word });
    expect(answer.totalCountIsExact).toBe(true);
    expect(answer.totalCount).toBe(truth.total);
    expect(answer.skillFacets).toHaveLength(10);
    for (const facet of answer.skillFacets) {
      expect(facet.isExact).toBe(true);
      expect(facet.count).toBe(truth.bySkill.get(facet.skill.name));
    }
  }
  const [top] = await app.db.query<{ name: string; id: number; count: number }[]>(
    'SELECT name, id, "peopleCount" AS count FROM skill ORDER BY "peopleCount" DESC LIMIT 1',
  );
  if (!top) throw new Error('no skills');
  expect(top.count).toBeLessThanOrEqual(exactUpTo);
  const bySkill = await summary({ skills: [top.name] });
  expect(bySkill).toMatchObject({ totalCount: top.count, totalCountIsExact: true });
  expect(bySkill.skillFacets[0]).toEqual({ skill: { name: top.name }, count: top.count, isExact: true });
});

test('broad lists are estimated when the sample can tell within 2% (standard error), say so, and stay within 5%', async () => {
  const broad = (await wordsByPeople()).filter((word) => word.people > exactUpTo * 1.6).slice(0, 8);
  let estimated = 0;
  for (const { word } of broad) {
    const truth = await exactly(wordMatch, [word]);
    const answer = await summary({ search: word });
    expect(answer.skillFacets).toHaveLength(10);
    // A list whose sample is too thin for some facet is counted exactly instead: it must then be exact.
    const share = answer.totalCountIsExact ? 0 : 0.05;
    if (!answer.totalCountIsExact) estimated++;
    expect({ word, total: answer.totalCount, within: within(answer.totalCount, truth.total, share) }).toEqual({
      word,
      total: answer.totalCount,
      within: true,
    });
    for (const facet of answer.skillFacets) {
      const exact = truth.bySkill.get(facet.skill.name) ?? 0;
      expect({ word, facet: facet.skill.name, isExact: facet.isExact, within: within(facet.count, exact, share) }).toEqual({
        word,
        facet: facet.skill.name,
        isExact: answer.totalCountIsExact,
        within: true,
      });
    }
  }
  expect(estimated).toBeGreaterThanOrEqual(2);
});

test('a broad search costs the same few statements as a narrow one', async () => {
  const [broad] = await wordsByPeople();
  const talentSearch = /* GraphQL */ `
    query TalentSearch($filter: PersonFilter) {
      people(first: 20, filter: $filter) {
        totalCount
        totalCountIsExact
        skillFacets(first: 10) {
          skill {
            name
          }
          count
          isExact
        }
        nodes {
          handle
          roles(first: 3) {
            title
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
  // the page with each person's roles and skills; totalCount and skillFacets together
  expect(await cost({ search: broad?.word })).toBe(2);
  expect(await cost({ search: 'zzzqqq' })).toBeLessThanOrEqual(2);
});

test('the sample follows every write: its rows and its per-skill counts', async () => {
  const consistent = async () => {
    const [row] = await app.db.query<{ rows: boolean; counts: boolean }[]>(
      `SELECT
         NOT EXISTS (
           (SELECT "personId", document::text, "skillIds" FROM person_search WHERE in_search_sample("personId"))
           EXCEPT ALL (SELECT "personId", document::text, "skillIds" FROM person_search_sample)
         ) AND (SELECT count(*) FROM person_search WHERE in_search_sample("personId")) = (SELECT count(*) FROM person_search_sample) AS rows,
         NOT EXISTS (
           SELECT 1 FROM skill s LEFT JOIN (
             SELECT id, count(*)::int AS count FROM person_search_sample, unnest("skillIds") id GROUP BY id
           ) c ON c.id = s.id
           WHERE s."samplePeopleCount" <> coalesce(c.count, 0)
         ) AS counts`,
    );
    return row;
  };
  expect(await consistent()).toEqual({ rows: true, counts: true });
  const [member] = await app.db.query<{ id: number }[]>('SELECT "personId" AS id FROM person_search_sample ORDER BY "personId" LIMIT 1');
  if (!member) throw new Error('empty sample');
  await app.db.query(`DELETE FROM person_skill WHERE "personId" = $1 AND position = 0`, [member.id]);
  await app.db.query(
    `INSERT INTO person_skill ("personId", "skillId", position)
     SELECT $1, s.id, 99 FROM skill s
     WHERE NOT EXISTS (SELECT 1 FROM person_skill l WHERE l."personId" = $1 AND l."skillId" = s.id) ORDER BY s.id LIMIT 1`,
    [member.id],
  );
  await app.db.query(`UPDATE role SET description = 'Quixotic zymurgy' WHERE "personId" = $1`, [member.id]);
  expect(await consistent()).toEqual({ rows: true, counts: true });
  await app.db.query('DELETE FROM person WHERE id = $1', [member.id]);
  expect(await consistent()).toEqual({ rows: true, counts: true });
});

test('what a write changes is visible to the next read of a count', async () => {
  const before = await summary({ search: 'zymurgy' });
  const [someone] = await app.db.query<{ id: number }[]>('SELECT id FROM person ORDER BY id DESC LIMIT 1');
  await app.db.query(`UPDATE person SET headline = 'Zymurgy consultant' WHERE id = $1`, [someone?.id]);
  const after = await summary({ search: 'zymurgy' });
  expect(after.totalCount).toBe(before.totalCount + 1);
  expect(after.totalCountIsExact).toBe(true);
});
