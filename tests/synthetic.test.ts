import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { skillSlug } from '../src/skill/skill-slug';
import { loadSyntheticPeople } from '../src/synthetic/bulk-load';
import { buildSkillCatalogue } from '../src/synthetic/catalogue';
import { replaceByCopy } from '../src/synthetic/copy-load';
import type { RowBatch } from '../src/synthetic/row-batches';
import { restoreSaved, saveAndDrop } from '../src/synthetic/saved-ddl';
import { profilePageQuery } from './support/queries';
import { startTestApp, type TestApp } from './support/test-app';

// npm run seed:synthetic, on a small set: what it makes, that it makes the same thing twice, and
// that it leaves the schema and everyone else exactly as it found them.

const people = 300;
const seed = 7;
const tables = ['person', 'role', 'degree', 'person_skill', 'person_search', 'skill'];
const synthetic = `subject LIKE 'synthetic|%'`;

let app: TestApp;

async function one<T>(sql: string, parameters: unknown[] = []): Promise<T> {
  const [row] = await app.db.query<T[]>(sql, parameters);
  return row as T;
}

/** Every index, constraint and trigger (with its enabled state) of the loaded tables. */
async function catalog(): Promise<string[]> {
  const rows = await app.db.query<{ item: string }[]>(
    `WITH t AS (SELECT to_regclass(name)::oid AS oid FROM unnest($1::text[]) AS name)
     SELECT 'index ' || pg_get_indexdef(indexrelid) AS item FROM pg_index WHERE indrelid IN (SELECT oid FROM t)
     UNION ALL
     SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated::text
     FROM pg_constraint WHERE conrelid IN (SELECT oid FROM t)
     UNION ALL
     SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger
     WHERE tgrelid IN (SELECT oid FROM t) AND NOT tgisinternal
     ORDER BY 1`,
    [tables],
  );
  return rows.map((row) => row.item);
}

/** An md5 of every synthetic row, ids included, in a fixed order. */
async function fingerprint(): Promise<string> {
  const { md5 } = await one<{ md5: string }>(
    `SELECT md5(concat_ws('|',
       (SELECT string_agg(p::text, ',' ORDER BY p.id) FROM person p WHERE ${synthetic}),
       (SELECT string_agg(r::text, ',' ORDER BY r.id) FROM role r JOIN person p ON p.id = r."personId" WHERE ${synthetic}),
       (SELECT string_agg(d::text, ',' ORDER BY d.id) FROM degree d JOIN person p ON p.id = d."personId" WHERE ${synthetic}),
       (SELECT string_agg(l::text, ',' ORDER BY l."personId", l."skillId") FROM person_skill l JOIN person p ON p.id = l."personId" WHERE ${synthetic}),
       (SELECT string_agg(s.document::text, ',' ORDER BY s."personId") FROM person_search s JOIN person p ON p.id = s."personId" WHERE ${synthetic}),
       (SELECT string_agg(k.name || k."peopleCount", ',' ORDER BY k.id) FROM skill k))) AS md5`,
  );
  return md5;
}

/** The seed profile as stored (every table) and as served. */
async function seedProfile(): Promise<unknown> {
  return {
    stored: await one(
      `SELECT row_to_json(p) AS person,
         (SELECT json_agg(r ORDER BY r.id) FROM role r WHERE r."personId" = p.id) AS roles,
         (SELECT json_agg(d ORDER BY d.id) FROM degree d WHERE d."personId" = p.id) AS degrees,
         (SELECT json_agg(l ORDER BY l.position) FROM person_skill l WHERE l."personId" = p.id) AS skills,
         (SELECT document::text FROM person_search s WHERE s."personId" = p.id) AS document
       FROM person p WHERE handle = 'petercai'`,
    ),
    served: await app.query(profilePageQuery, { handle: 'petercai' }),
  };
}

function load(count = people, withSeed = seed) {
  return loadSyntheticPeople(app.databaseUrl, { people: count, seed: withSeed });
}

let catalogBefore: string[];
let seedProfileBefore: unknown;
let firstFingerprint: string;

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peterCai, 'petercai');
  catalogBefore = await catalog();
  seedProfileBefore = await seedProfile();
  await load();
  firstFingerprint = await fingerprint();
});

afterAll(() => app.close());

describe('what a load makes', () => {
  test('the people asked for, beside the seed profile', async () => {
    expect(await one(`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${synthetic})::int AS synthetic FROM person`)).toEqual({
      total: people + 1,
      synthetic: people,
    });
  });

  test('3–8 roles, 1–3 degrees, 10–50 skills and 1–2 job categories each', async () => {
    const ranges = await one(
      `SELECT min(roles) AS "minRoles", max(roles) AS "maxRoles", min(degrees) AS "minDegrees", max(degrees) AS "maxDegrees",
              min(skills) AS "minSkills", max(skills) AS "maxSkills", min(jobs) AS "minJobs", max(jobs) AS "maxJobs"
       FROM (SELECT (SELECT count(*)::int FROM role WHERE "personId" = p.id) AS roles,
                    (SELECT count(*)::int FROM degree WHERE "personId" = p.id) AS degrees,
                    (SELECT count(*)::int FROM person_skill WHERE "personId" = p.id) AS skills,
                    cardinality(p."jobCategories") AS jobs
             FROM person p WHERE ${synthetic}) AS counts`,
    );
    expect(ranges).toEqual({
      minRoles: 3,
      maxRoles: 8,
      minDegrees: 1,
      maxDegrees: 3,
      minSkills: 10,
      maxSkills: 50,
      minJobs: 1,
      maxJobs: 2,
    });
  });

  test('handles are valid and unique, timestamps distinct, updatedAt never before createdAt', async () => {
    const checks = await one(
      `SELECT count(*)::int AS people, count(DISTINCT lower(handle))::int AS handles,
              count(*) FILTER (WHERE handle !~ '^[a-z0-9][a-z0-9_-]{1,38}$')::int AS "badHandles",
              count(DISTINCT "createdAt")::int AS "createdAt", count(DISTINCT "updatedAt")::int AS "updatedAt",
              count(*) FILTER (WHERE "updatedAt" < "createdAt")::int AS "updatedFirst"
       FROM person WHERE ${synthetic}`,
    );
    expect(checks).toEqual({ people, handles: people, badHandles: 0, createdAt: people, updatedAt: people, updatedFirst: 0 });
  });

  test('role dates are partial dates in order, only the newest role may be current, descriptions 1–3 sentences', async () => {
    const checks = await one(
      `SELECT count(*) FILTER (WHERE "startDate" !~ '^[0-9]{4}(-[0-9]{2})?$' OR "endDate" !~ '^[0-9]{4}(-[0-9]{2})?$')::int AS "badDates",
              count(*) FILTER (WHERE "endDate" < "startDate")::int AS "endsFirst",
              count(*) FILTER (WHERE "isCurrent" AND (position > 0 OR "endDate" IS NOT NULL))::int AS "badCurrent",
              count(*) FILTER (WHERE "isCurrent")::int AS current,
              max(length(description)) AS "longest",
              count(*) FILTER (WHERE array_length(regexp_split_to_array(description, '\\. (?=[A-Z])'), 1) > 3)::int AS "tooManySentences"
       FROM role r JOIN person p ON p.id = r."personId" WHERE ${synthetic}`,
    );
    expect(checks).toMatchObject({ badDates: 0, endsFirst: 0, badCurrent: 0, tooManySentences: 0 });
    expect(checks).toMatchObject({ current: expect.any(Number) as number, longest: expect.any(Number) as number });
    const { current, longest } = checks as { current: number; longest: number };
    expect(current).toBeGreaterThan(people / 4);
    expect(longest).toBeLessThanOrEqual(250);
  });

  test('skills come from the catalogue, reusing the seed profile’s by slug, with categories filled in', async () => {
    const catalogue = buildSkillCatalogue();
    expect(catalogue.length).toBeGreaterThanOrEqual(1900);
    const slugs = new Set(catalogue.map((skill) => skill.slug));
    // The page's last four "skills" are scraping debris (Transform, Keep, Factory, Beam), not skills.
    const realSeedSkills = peterCai.skills.slice(0, -4);
    expect(realSeedSkills.filter((name) => !slugs.has(skillSlug(name)))).toEqual([]);

    const { skills, linked, uncategorised } = await one<{ skills: number; linked: number; uncategorised: number }>(
      `SELECT count(*)::int AS skills, count(*) FILTER (WHERE "peopleCount" > 0)::int AS linked,
              count(*) FILTER (WHERE category IS NULL AND slug = ANY($1::text[]))::int AS uncategorised FROM skill`,
      [[...slugs]],
    );
    // The seed profile's 60 skills include 4 not in the catalogue; none of the others was added twice.
    expect(skills).toBe(catalogue.length + 4);
    expect(linked).toBeGreaterThan(300);
    expect(uncategorised).toBe(0);
    expect(await one(`SELECT category FROM skill WHERE slug = 'python'`)).toEqual({ category: 'Languages' });
  });

  test('peopleCount is every skill’s number of people, and every person has the search row (document, skill ids) the triggers would give', async () => {
    expect(
      await one(
        `SELECT count(*)::int AS wrong FROM skill s WHERE "peopleCount" <> (SELECT count(*) FROM person_skill WHERE "skillId" = s.id)`,
      ),
    ).toEqual({ wrong: 0 });
    expect(
      await one(
        `SELECT count(*)::int AS people, count(s."personId")::int AS documents,
                count(*) FILTER (WHERE s.document IS DISTINCT FROM person_search_document(p.name, p.headline, p.summary, r.titles, r.companies, r.descriptions))::int AS "wrongDocuments",
                count(*) FILTER (WHERE s."skillIds" IS DISTINCT FROM coalesce(k."skillIds", '{}'))::int AS "wrongSkillIds"
         FROM person p LEFT JOIN person_search s ON s."personId" = p.id
         LEFT JOIN LATERAL (SELECT string_agg(title, ' ' ORDER BY position) AS titles, string_agg(company, ' ' ORDER BY position) AS companies,
                                   string_agg(description, ' ' ORDER BY position) AS descriptions
                            FROM role WHERE "personId" = p.id) r ON true
         LEFT JOIN LATERAL (SELECT array_agg("skillId" ORDER BY "skillId") AS "skillIds" FROM person_skill WHERE "personId" = p.id) k ON true`,
      ),
    ).toEqual({ people: people + 1, documents: people + 1, wrongDocuments: 0, wrongSkillIds: 0 });
  });

  test('the text is searchable through the API', async () => {
    const { handle } = await one<{ handle: string }>(`SELECT handle FROM person WHERE ${synthetic} ORDER BY id LIMIT 1`);
    const word = (
      await one<{ company: string }>(`SELECT company FROM role r JOIN person p ON p.id = r."personId" WHERE p.handle = $1 LIMIT 1`, [
        handle,
      ])
    ).company.split(' ')[0];
    const response = await app.query<{ people: { nodes: { handle: string }[] } }>(
      `query ($search: String!) { people(first: 100, filter: { search: $search }) { nodes { handle } } }`,
      { search: word },
    );
    expect(response.data?.people.nodes.map((node) => node.handle)).toContain(handle);
  });

  test('identity sequences continue above the loaded ids', async () => {
    for (const table of ['person', 'role', 'degree']) {
      const { behind } = await one<{ behind: boolean }>(
        `SELECT (SELECT last_value FROM ${table}_id_seq) < (SELECT max(id) FROM ${table}) AS behind`,
      );
      expect(behind).toBe(false);
    }
  });
});

describe('what a load leaves alone', () => {
  test('every index, constraint and trigger is back, as it was', async () => {
    expect(await catalog()).toEqual(catalogBefore);
    expect(await one(`SELECT to_regclass('synthetic_load_saved_ddl') IS NULL AS gone`)).toEqual({ gone: true });
  });

  test('the seed profile is unchanged, in every table, and still served', async () => {
    expect(await seedProfile()).toEqual(seedProfileBefore);
  });
});

describe('running it again', () => {
  test('the same seed makes the same rows; it replaces, it does not add', async () => {
    await load();
    expect(await fingerprint()).toBe(firstFingerprint);
    expect(await one(`SELECT count(*)::int AS total FROM person`)).toEqual({ total: people + 1 });
  });

  test('another seed makes other people, and a smaller count leaves fewer', async () => {
    await load(120, seed + 1);
    expect(await fingerprint()).not.toBe(firstFingerprint);
    expect(await one(`SELECT count(*)::int AS synthetic FROM person WHERE ${synthetic}`)).toEqual({ synthetic: 120 });
    await load();
    expect(await fingerprint()).toBe(firstFingerprint);
  });

  test('after a load that died with everything dropped, the next one rebuilds it all', async () => {
    const client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      await saveAndDrop(client, ['person', 'role', 'degree', 'person_skill', 'person_search']);
    } finally {
      await client.end();
    }
    expect(await catalog()).not.toEqual(catalogBefore);
    await load();
    expect(await catalog()).toEqual(catalogBefore);
    expect(await fingerprint()).toBe(firstFingerprint);
    expect(await seedProfile()).toEqual(seedProfileBefore);
  });

  test('a failure while copying ends the COPYs and rolls every table back', async () => {
    const clients = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const client = new Client({ connectionString: app.databaseUrl });
        await client.connect();
        return client;
      }),
    );
    const [person, role, degree, personSkill] = clients as [Client, Client, Client, Client];
    async function* failingBatches(): AsyncGenerator<RowBatch> {
      yield { person: '', role: '', degree: '', person_skill: '' };
      throw new Error('generator failed');
    }
    try {
      await saveAndDrop(person, ['person', 'role', 'degree', 'person_skill', 'person_search']);
      await expect(replaceByCopy({ person, role, degree, person_skill: personSkill }, [], failingBatches())).rejects.toThrow(
        'generator failed',
      );
      await restoreSaved([person, role]);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    expect(await fingerprint()).toBe(firstFingerprint);
    expect(await seedProfile()).toEqual(seedProfileBefore);
    expect(await catalog()).toEqual(catalogBefore);
  });

  test('a failure after copying still rebuilds every index, key and trigger before it is reported', async () => {
    await app.db.query('ALTER FUNCTION recount_skill_people() RENAME TO recount_skill_people_hidden');
    try {
      await expect(load()).rejects.toThrow('recount_skill_people');
    } finally {
      await app.db.query('ALTER FUNCTION recount_skill_people_hidden() RENAME TO recount_skill_people');
    }
    expect(await catalog()).toEqual(catalogBefore);
    await load();
    expect(await fingerprint()).toBe(firstFingerprint);
  });

  test('one load at a time: a second one while the first runs stops before it touches anything', async () => {
    const first = new Client({ connectionString: app.databaseUrl });
    await first.connect();
    try {
      await first.query(`SELECT pg_advisory_lock(hashtext('profilegraph synthetic load'))`);
      await expect(load()).rejects.toThrow('Another synthetic load is running');
    } finally {
      await first.end();
    }
    expect(await catalog()).toEqual(catalogBefore);
    expect(await fingerprint()).toBe(firstFingerprint);
  });

  test('the npm script (rows made by worker threads): migrations, the load, its timings; the same rows as in-process', async () => {
    const script = resolve(__dirname, '../dist/src/scripts/seed-synthetic.js');
    const child = spawn(process.execPath, [script, '--people', '40', '--seed', String(seed)], {
      env: { ...process.env, DATABASE_URL: app.databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining('Phase timings') as string });
    expect(output).toMatch(/generate \+ copy\s+\d+\.\d s/);
    expect(await one(`SELECT count(*)::int AS synthetic FROM person WHERE ${synthetic}`)).toEqual({ synthetic: 40 });
    expect(await catalog()).toEqual(catalogBefore);
    const fromScript = await fingerprint();
    // Jest runs the TypeScript sources, which generate in this thread.
    await load(40);
    expect(await fingerprint()).toBe(fromScript);
  });
});
