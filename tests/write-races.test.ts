import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { errorCode, startTestApp, type TestApp } from './support/test-app';
import { bearer } from './support/tokens';

// What reviewers found in the write path: races between writers, the order of checks, and values
// that validation let through.

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peterCai, 'petercai');
});

afterAll(() => app.close());

const create = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { handle name } } }';
const importResume = 'mutation ($input: ImportResumeInput!) { importResume(input: $input) { person { handle name } } }';
const update = 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { website } } }';
const setSkills = 'mutation ($input: PersonSkillsInput!) { setSkills(input: $input) { person { skills { name slug } } } }';

async function petercai(): Promise<{ id: string; version: number; roles: { id: string }[] }> {
  const { data } = await app.query<{ person: { id: string; version: number; roles: { id: string }[] } }>(
    '{ person(handle: "petercai") { id version roles { id } } }',
  );
  if (!data?.person) throw new Error('no petercai');
  return data.person;
}

test('importResume never replaces a profile someone else created meanwhile', async () => {
  for (let round = 0; round < 6; round++) {
    const handle = `race-${round}`;
    const [created, imported] = await Promise.all([
      app.query(create, { input: { handle, name: 'Creator' } }, await bearer(`creator-${round}`)),
      app.query(importResume, { input: { handle, resume: { basics: { name: 'Importer' } } } }, await bearer(`importer-${round}`)),
    ]);
    const winners = [created, imported].filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    // The loser learns the handle is taken (CONFLICT), or, if the other profile was already
    // there when it looked, that it is not theirs (FORBIDDEN).
    expect(['CONFLICT', 'FORBIDDEN']).toContain(errorCode(winners[0] === created ? imported : created));
    const { data } = await app.query<{ person: { name: string } }>(`{ person(handle: "${handle}") { name } }`);
    expect(data?.person.name).toBe(winners[0] === created ? 'Creator' : 'Importer');
  }
});

test('two profiles for one account at once: one is created, the other is a CONFLICT (not a 500)', async () => {
  const token = await bearer('twice');
  const results = await Promise.all(
    ['twice-a', 'twice-b', 'twice-c'].map((handle) => app.query(create, { input: { handle, name: 'Twice' } }, token)),
  );
  expect(results.filter((result) => !result.errors)).toHaveLength(1);
  expect(results.filter((result) => errorCode(result) === 'CONFLICT')).toHaveLength(2);
});

test("concurrent writes to one profile's roles queue up instead of deadlocking", async () => {
  const owner = await bearer('petercai');
  const { id, roles } = await petercai();
  const results = await Promise.all(
    roles
      .slice(0, 4)
      .flatMap((role, i) => [
        app.query('mutation ($input: RemoveRoleInput!) { removeRole(input: $input) { removedRoleId } }', { input: { id: role.id } }, owner),
        app.query(
          'mutation ($input: AddRoleInput!) { addRole(input: $input) { role { id } } }',
          { input: { personId: id, company: `New ${i}` } },
          owner,
        ),
      ]),
  );
  expect(results.map(errorCode)).toEqual(Array(8).fill(undefined));
  const positions = await app.db.query<{ position: number }[]>(
    `SELECT position FROM role WHERE "personId" = (SELECT id FROM person WHERE handle = 'petercai') ORDER BY position`,
  );
  expect(positions.map((row) => row.position)).toEqual([0, 1, 2, 3, 4]);
});

test('who may write is checked before whether the version is current', async () => {
  const { id, version } = await petercai();
  const stale = { input: { id, version: version + 100, website: 'https://x.example' } };
  expect(errorCode(await app.query(update, stale))).toBe('UNAUTHENTICATED');
  expect(errorCode(await app.query(update, stale, await bearer('stranger')))).toBe('FORBIDDEN');
  expect(errorCode(await app.query(update, stale, await bearer('petercai')))).toBe('CONFLICT');
});

test('a website must be an http(s) address of at most 2048 characters', async () => {
  const owner = await bearer('petercai');
  for (const website of ['javascript:alert(document.cookie)', 'data:text/html,hi', `https://example.com/${'a'.repeat(2100)}`]) {
    const { id, version } = await petercai();
    const result = await app.query(update, { input: { id, version, website } }, owner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'website'] });
  }
  const imported = await app.query(
    importResume,
    { input: { handle: 'petercai', resume: { basics: { name: 'Peter Cai', url: 'javascript:alert(1)' } } } },
    owner,
  );
  expect(imported.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('skill names in any script are kept apart; names with no letter or digit are refused; "constructor" is just a name', async () => {
  const owner = await bearer('petercai');
  const { id } = await petercai();
  const result = await app.query<{ setSkills: { person: { skills: { name: string; slug: string }[] } } }>(
    setSkills,
    { input: { personId: id, names: ['日本語', '中文', 'constructor', 'Ünïcödé'] } },
    owner,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.setSkills.person.skills).toEqual([
    { name: '日本語', slug: '日本語' },
    { name: '中文', slug: '中文' },
    { name: 'constructor', slug: 'constructor' },
    { name: 'Ünïcödé', slug: 'unicode' },
  ]);
  const blank = await app.query(setSkills, { input: { personId: id, names: ['Python', '  ', '++--'] } }, owner);
  expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'names', 1] });
});

test('a résumé with contact details is never kept by shared caches', async () => {
  const response = await fetch(new URL('/people/petercai/resume.json', app.url));
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  expect(response.headers.get('vary')).toMatch(/Authorization/i);
});
