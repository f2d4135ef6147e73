import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { profileToResume, resumeToProfile } from '../src/resume/json-resume';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer } from './support/tokens';

const execFileAsync = promisify(execFile);

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peterCai, 'petercai');
});

afterAll(() => app.close());

function as<T = Record<string, unknown>>(authorization: string | null, query: string, variables?: Record<string, unknown>) {
  return app.query<T>(query, variables, authorization);
}

async function skillsOf(handle: string): Promise<{ id: string; version: number; skills: string[] }> {
  const { data } = await as<{ person: { id: string; version: number; skills: { name: string }[] } }>(
    null,
    `{ person(handle: "${handle}") { id version skills { name } } }`,
  );
  if (!data?.person) throw new Error(`no ${handle}`);
  return { ...data.person, skills: data.person.skills.map((skill) => skill.name) };
}

const skillCount = async () => (await app.db.query<[{ n: number }]>('SELECT count(*)::int AS n FROM skill'))[0].n;

function skillsMutation(name: 'setSkills' | 'addSkills' | 'removeSkills') {
  return `mutation ($input: PersonSkillsInput!) { ${name}(input: $input) { person { version skills { name } } } }`;
}

describe('skills', () => {
  test('setSkills normalises names to one canonical skill each and keeps the order given', async () => {
    const { id } = await skillsOf('petercai');
    const before = await skillCount();
    const result = await as<{ setSkills: { person: { skills: { name: string }[] } } }>(
      await bearer('petercai'),
      skillsMutation('setSkills'),
      {
        input: { personId: id, names: ['postgres', 'Postgres', 'postgresql', 'k8s', 'JS', '  Brand   New  Thing ', 'python'] },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.setSkills.person.skills.map((skill) => skill.name)).toEqual([
      'PostgreSQL',
      'Kubernetes',
      'JavaScript',
      'Brand New Thing',
      'Python',
    ]);
    expect(await skillCount()).toBe(before + 1);
  });

  test('addSkills appends the new ones, removeSkills takes named ones off; unknown names create nothing', async () => {
    const owner = await bearer('petercai');
    const { id } = await skillsOf('petercai');
    await as(owner, skillsMutation('addSkills'), { input: { personId: id, names: ['Rust', 'postgres', 'Go'] } });
    expect((await skillsOf('petercai')).skills).toEqual([
      'PostgreSQL',
      'Kubernetes',
      'JavaScript',
      'Brand New Thing',
      'Python',
      'Rust',
      'Go',
    ]);
    const before = await skillCount();
    await as(owner, skillsMutation('removeSkills'), { input: { personId: id, names: ['k8s', 'javascript', 'Never Heard Of It'] } });
    expect((await skillsOf('petercai')).skills).toEqual(['PostgreSQL', 'Brand New Thing', 'Python', 'Rust', 'Go']);
    expect(await skillCount()).toBe(before);
  });

  test('only the owner or an admin may change them', async () => {
    const { id } = await skillsOf('petercai');
    const input = { personId: id, names: ['Cobol'] };
    expect((await as(null, skillsMutation('setSkills'), { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await as(await bearer('stranger'), skillsMutation('setSkills'), { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(await bearer('ops', { admin: true }), skillsMutation('addSkills'), { input })).errors).toBeUndefined();
  });

  test('a failure in the middle of a multi-row write leaves everything exactly as it was', async () => {
    const before = await skillsOf('petercai');
    const skillsBefore = await skillCount();
    // The database refuses the link to one skill, after the old links were deleted and new skills created.
    await app.db.query(`INSERT INTO skill (name, slug) VALUES ('Explosives', 'explosives')`);
    await app.db.query(`
      CREATE FUNCTION refuse_explosives() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."skillId" = (SELECT id FROM skill WHERE slug = 'explosives') THEN RAISE EXCEPTION 'boom'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_explosives BEFORE INSERT ON person_skill FOR EACH ROW EXECUTE FUNCTION refuse_explosives();`);
    try {
      const result = await as(await bearer('petercai'), skillsMutation('setSkills'), {
        input: { personId: before.id, names: ['Zig', 'Elixir', 'Explosives', 'Haskell'] },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await skillsOf('petercai')).toEqual(before);
      expect(await skillCount()).toBe(skillsBefore + 1);
    } finally {
      await app.db.query('DROP TRIGGER refuse_explosives ON person_skill; DROP FUNCTION refuse_explosives()');
    }
  });
});

const importMutation = `mutation ($input: ImportResumeInput!) {
  importResume(input: $input) { person { handle name headline email roles { title company startDate endDate isCurrent } degrees { institution degree field } skills { name } resume } }
}`;

const resume = {
  basics: {
    name: 'Ada Lovelace',
    label: 'Analyst',
    email: 'ada@example.com',
    summary: 'Notes on engines.',
    location: { city: 'London', countryCode: 'GB' },
  },
  work: [
    { name: 'Analytical Engine', position: 'Programmer', startDate: '1842-10', highlights: ['First published algorithm'] },
    { name: 'Babbage & Co', position: 'Translator', startDate: '1840', endDate: '1842-09' },
  ],
  education: [{ institution: 'Home tutoring', studyType: 'Private', area: 'Mathematics', startDate: '1830', endDate: '1835' }],
  skills: [{ name: 'Mathematics', keywords: ['Algorithms', 'postgres'] }],
};

describe('importResume', () => {
  test('creates a profile owned by the signed-in account, which exports the document back', async () => {
    const result = await as<{ importResume: { person: Record<string, unknown> & { resume: unknown } } }>(
      await bearer('ada'),
      importMutation,
      {
        input: { handle: 'ada', resume },
      },
    );
    expect(result.errors).toBeUndefined();
    const person = result.data?.importResume.person;
    expect(person).toMatchObject({
      handle: 'ada',
      name: 'Ada Lovelace',
      headline: 'Analyst',
      email: 'ada@example.com',
      roles: [
        { title: 'Programmer', company: 'Analytical Engine', startDate: '1842-10', endDate: null, isCurrent: true },
        { title: 'Translator', company: 'Babbage & Co', startDate: '1840', endDate: '1842-09', isCurrent: false },
      ],
      degrees: [{ institution: 'Home tutoring', degree: 'Private', field: 'Mathematics' }],
      skills: [{ name: 'Mathematics' }, { name: 'Algorithms' }, { name: 'PostgreSQL' }],
    });
    const expected = resumeToProfile('ada', resume);
    expect(person?.resume).toEqual(profileToResume({ ...expected, skills: ['Mathematics', 'Algorithms', 'PostgreSQL'] }));
    expect((await as(await bearer('ada'), '{ viewer { handle } }')).data).toEqual({ viewer: { handle: 'ada' } });
  });

  test("replaces the owner's profile, refuses anyone else's", async () => {
    const changed = { ...resume, basics: { ...resume.basics, label: 'Countess' } };
    const again = await as<{ importResume: { person: { headline: string } } }>(await bearer('ada'), importMutation, {
      input: { handle: 'ada', resume: changed },
    });
    expect(again.data?.importResume.person.headline).toBe('Countess');
    const [{ n }] = await app.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM person WHERE lower(handle) = 'ada'`);
    expect(n).toBe(1);
    const stranger = await as(await bearer('stranger'), importMutation, { input: { handle: 'ada', resume } });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('with the version it read a replace goes through; a stale version is the same CONFLICT as any edit, and nothing is written', async () => {
    const owner = await bearer('ada');
    const importing = `mutation ($input: ImportResumeInput!) { importResume(input: $input) { person { version headline roles { title } } } }`;
    const read = async () =>
      (
        await as<{ person: { id: string; version: number; headline: string; roles: { title: string }[]; skills: { name: string }[] } }>(
          null,
          '{ person(handle: "ada") { id version headline roles { title } skills { name } } }',
        )
      ).data?.person;
    const before = await read();
    if (!before) throw new Error('no ada');
    const replacement = { ...resume, basics: { ...resume.basics, label: 'Enchantress of Numbers' }, work: [], skills: [] };

    const stale = await as(owner, importing, { input: { handle: 'ada', resume: replacement, version: before.version - 1 } });
    const staleUpdate = await as(owner, 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } } }', {
      input: { id: before.id, version: before.version - 1, headline: 'Stale' },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
    expect(stale.errors?.[0]?.extensions).toEqual(staleUpdate.errors?.[0]?.extensions);
    expect(stale.errors?.[0]?.message).toBe(staleUpdate.errors?.[0]?.message);
    expect(await read()).toEqual(before);
    // Who may write is checked before the version: a stranger learns nothing from CONFLICT.
    const stranger = await as(await bearer('stranger'), importing, { input: { handle: 'ada', resume: replacement, version: 1 } });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const current = await as<{ importResume: { person: { version: number; headline: string; roles: unknown[] } } }>(owner, importing, {
      input: { handle: 'ada', resume: replacement, version: before.version },
    });
    expect(current.errors).toBeUndefined();
    expect(current.data?.importResume.person).toEqual({ version: before.version + 1, headline: 'Enchantress of Numbers', roles: [] });
  });

  test('with a version, a profile that is not there (any more) is a CONFLICT, not a new profile', async () => {
    const people = async () => (await app.db.query<[{ n: number }]>('SELECT count(*)::int AS n FROM person'))[0].n;
    const before = await people();
    const result = await as(await bearer('babbage'), importMutation, { input: { handle: 'babbage', resume, version: 1 } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });
    expect(result.errors?.[0]?.message).toMatch(/No profile has the handle "babbage"/);
    expect(await people()).toBe(before);
    // Without one, the same request creates it, as before.
    const created = await as(await bearer('babbage'), importMutation, { input: { handle: 'babbage', resume } });
    expect(created.errors).toBeUndefined();
    expect(await people()).toBe(before + 1);
  });

  test('an invalid document is refused with every problem listed, and nothing is written', async () => {
    const people = async () => (await app.db.query<[{ n: number }]>('SELECT count(*)::int AS n FROM person'))[0].n;
    const before = await people();
    const result = await as(await bearer('grace'), importMutation, {
      input: {
        handle: 'grace',
        resume: { basics: { name: 'Grace', email: 'not-an-email' }, work: [{ name: 'Navy', startDate: '1943-13' }, { highlights: [42] }] },
      },
    });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (error?.extensions?.problems as { path: (string | number)[] }[]).map((problem) => problem.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['input.resume.basics.email', 'input.resume.work.0.startDate', 'input.resume.work.1.highlights.0']),
    );
    expect(await people()).toBe(before);
  });

  test('npm run import does the same from the command line', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'profilegraph-import-'));
    try {
      const file = join(folder, 'hopper.json');
      await writeFile(file, JSON.stringify({ ...resume, basics: { ...resume.basics, name: 'Grace Hopper' } }));
      const url = (app.db.options as { url?: string }).url;
      const { stdout } = await execFileAsync(process.execPath, [resolve(__dirname, '../dist/src/scripts/import.js'), file], {
        env: { ...process.env, DATABASE_URL: url },
      });
      expect(stdout).toContain('Imported');
      expect((await as<{ person: { name: string } }>(null, '{ person(handle: "hopper") { name } }')).data?.person.name).toBe(
        'Grace Hopper',
      );

      await writeFile(file, JSON.stringify({ work: [{ startDate: '2020-99' }] }));
      await expect(
        execFileAsync(process.execPath, [resolve(__dirname, '../dist/src/scripts/import.js'), file, '--handle', 'broken'], {
          env: { ...process.env, DATABASE_URL: url },
        }),
      ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/\/work\/0\/startDate/) });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
