import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer } from './support/tokens';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peterCai, 'petercai');
});

afterAll(() => app.close());

function as<T = Record<string, unknown>>(authorization: string | null, query: string, variables?: Record<string, unknown>) {
  return app.query<T>(query, variables, authorization);
}

const create = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id handle name email version } } }';
const update =
  'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id handle name headline location email website jobCategories version } } }';
const remove = 'mutation ($input: DeletePersonInput!) { deletePerson(input: $input) { deletedPersonId } }';

async function petercai(): Promise<{ id: string; version: number }> {
  const { data } = await as<{ person: { id: string; version: number } }>(null, '{ person(handle: "petercai") { id version } }');
  if (!data?.person) throw new Error('no petercai');
  return data.person;
}

async function count(table: string): Promise<number> {
  const [row] = await app.db.query<[{ count: number }]>(`SELECT count(*)::int AS count FROM ${table}`);
  return row.count;
}

describe('createPerson', () => {
  test('needs a signed-in account; the profile belongs to it', async () => {
    const anonymous = await as(null, create, { input: { handle: 'newbie', name: 'New Bie' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const token = await bearer('newbie-account');
    const created = await as<{ createPerson: { person: Record<string, unknown> } }>(token, create, {
      input: { handle: 'newbie', name: 'New Bie', email: 'new@example.com' },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createPerson.person).toMatchObject({ handle: 'newbie', name: 'New Bie', email: 'new@example.com', version: 1 });
    const viewer = await as(token, '{ viewer { handle } }');
    expect(viewer.data).toEqual({ viewer: { handle: 'newbie' } });

    const second = await as(token, create, { input: { handle: 'newbie-two', name: 'Again' } });
    expect(second.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  test('a taken handle (in any case) is a CONFLICT naming the field', async () => {
    const taken = await as(await bearer('someone'), create, { input: { handle: 'petercai', name: 'Impostor' } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: ['input', 'handle'] });
  });

  test('invalid input is refused field by field, and nothing is written', async () => {
    const before = await count('person');
    const bad = await as(await bearer('validator'), create, {
      input: { handle: '-Bad Handle', name: '', headline: 'x'.repeat(201), phone: 'call me', jobCategories: ['ok', ''] },
    });
    expect(bad.status).toBe(200);
    const [error] = bad.errors ?? [];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (error?.extensions?.problems as { path: unknown[] }[]).map((problem) => problem.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['input.handle', 'input.name', 'input.headline', 'input.phone', 'input.jobCategories']));
    expect(JSON.stringify(bad)).not.toMatch(/target|call me/);
    const website = await as(await bearer('validator'), create, { input: { handle: 'valid', name: 'V', website: 'not a url' } });
    expect(website.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const email = await as(await bearer('validator'), create, { input: { handle: 'valid', name: 'V', email: 'not-an-email' } });
    expect(email.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(email.errors?.[0]?.message).toMatch(/email/i);
    expect(await count('person')).toBe(before);
  });
});

describe('updatePerson', () => {
  test('changes only the fields given; null clears a field; the payload shows the write', async () => {
    const { id, version } = await petercai();
    const owner = await bearer('petercai');
    const result = await as<{ updatePerson: { person: Record<string, unknown> } }>(owner, update, {
      input: { id, version, location: 'Remote', jobCategories: ['Engineering'], website: 'https://peter.example' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updatePerson.person).toMatchObject({
      handle: 'petercai',
      name: 'Peter Cai',
      headline: peterCai.headline,
      location: 'Remote',
      jobCategories: ['Engineering'],
      website: 'https://peter.example/',
      version: version + 1,
    });
    const cleared = await as<{ updatePerson: { person: Record<string, unknown> } }>(owner, update, {
      input: { id, version: version + 1, location: null, jobCategories: null, website: null },
    });
    expect(cleared.data?.updatePerson.person).toMatchObject({
      location: null,
      jobCategories: [],
      website: null,
      headline: peterCai.headline,
    });
  });

  test('a read after the write in the same request sees it (loader caches are cleared)', async () => {
    const { id, version } = await petercai();
    // `a` reads the person through the personById loader (role.person); `b` then changes the
    // headline and reads the same way: it must not get what `a` cached.
    const readBack = '{ person { headline roles(first: 1) { person { headline } } } }';
    const result = await as<Record<'a' | 'b', { person: { headline: string; roles: { person: { headline: string } }[] } }>>(
      await bearer('petercai'),
      `mutation ($a: UpdatePersonInput!, $b: UpdatePersonInput!) {
        a: updatePerson(input: $a) ${readBack}
        b: updatePerson(input: $b) ${readBack}
      }`,
      { a: { id, version, headline: 'Staff Engineer' }, b: { id, version: version + 1, headline: 'Principal Engineer' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.a.person.roles[0]?.person.headline).toBe('Staff Engineer');
    expect(result.data?.b.person).toEqual({ headline: 'Principal Engineer', roles: [{ person: { headline: 'Principal Engineer' } }] });
    await as(await bearer('petercai'), update, { input: { id, version: version + 2, headline: peterCai.headline } });
  });

  test("null for a required field, a bad ID, someone else's profile, a stale version", async () => {
    const { id, version } = await petercai();
    const owner = await bearer('petercai');
    expect((await as(owner, update, { input: { id, version, name: null } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'name'],
    });
    expect((await as(owner, update, { input: { id: 'nope', version, name: 'X' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'id'],
    });
    expect((await as(await bearer('stranger'), update, { input: { id, version, name: 'Hijacked' } })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await as(null, update, { input: { id, version, name: 'Anon' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await as(owner, update, { input: { id, version: version - 1, name: 'Stale' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: ['input', 'version'],
    });
    const admin = await as<{ updatePerson: { person: { name: string } } }>(await bearer('ops', { admin: true }), update, {
      input: { id, version, name: 'Peter Cai' },
    });
    expect(admin.data?.updatePerson.person.name).toBe('Peter Cai');
    expect((await petercai()).version).toBe(version + 1);
  });

  test('concurrent updates: one per version wins, the others get CONFLICT, and no update is lost', async () => {
    const owner = await bearer('petercai');
    const { id, version } = await petercai();
    const racing = await Promise.all(
      Array.from({ length: 8 }, (_, i) => as(owner, update, { input: { id, version, availability: `racer ${i}` } })),
    );
    expect(racing.filter((result) => !result.errors)).toHaveLength(1);
    expect(racing.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(7);

    // Clients that re-read and retry on CONFLICT all get their change in.
    const appendCategory = async (category: string) => {
      for (;;) {
        const { data } = await as<{ person: { id: string; version: number; jobCategories: string[] } }>(
          null,
          '{ person(handle: "petercai") { id version jobCategories } }',
        );
        const current = data?.person;
        if (!current) throw new Error('gone');
        const result = await as(owner, update, {
          input: { id: current.id, version: current.version, jobCategories: [...current.jobCategories, category] },
        });
        if (!result.errors) return;
        expect(result.errors[0]?.extensions?.code).toBe('CONFLICT');
      }
    };
    await as(owner, update, { input: { id, version: version + 1, jobCategories: [] } });
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map(appendCategory));
    const { data } = await as<{ person: { jobCategories: string[] } }>(null, '{ person(handle: "petercai") { jobCategories } }');
    expect([...(data?.person.jobCategories ?? [])].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('deletePerson', () => {
  test('removes the profile with its roles, degrees and skill links; the skills stay', async () => {
    await loadProfile(app.db, { ...peterCai, handle: 'leaving' }, 'leaving');
    const { data } = await as<{ person: { id: string } }>(null, '{ person(handle: "leaving") { id } }');
    const id = data?.person.id;
    const [skills, roles] = [await count('skill'), await count('role')];
    expect((await as(await bearer('stranger'), remove, { input: { id } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleted = await as(await bearer('leaving'), remove, { input: { id } });
    expect(deleted.data).toEqual({ deletePerson: { deletedPersonId: id } });
    expect((await as(null, '{ person(handle: "leaving") { id } }')).data).toEqual({ person: null });
    expect(await count('skill')).toBe(skills);
    expect(await count('role')).toBe(roles - 5);
    const [links] = await app.db.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM person_skill ps LEFT JOIN person p ON p.id = ps."personId" WHERE p.id IS NULL`,
    );
    expect(links.count).toBe(0);
  });
});
