import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { errorCode, startTestApp, type TestApp } from './support/test-app';
import { bearer } from './support/tokens';

let app: TestApp;
let owner: string;

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peterCai, 'petercai');
  owner = await bearer('petercai');
});

afterAll(() => app.close());

function as<T = Record<string, unknown>>(authorization: string | null, query: string, variables?: Record<string, unknown>) {
  return app.query<T>(query, variables, authorization);
}

interface Profile {
  id: string;
  version: number;
  roles: { id: string; company: string | null; title: string | null }[];
  degrees: { id: string; institution: string }[];
}

async function profile(): Promise<Profile> {
  const { data } = await as<{ person: Profile }>(
    null,
    '{ person(handle: "petercai") { id version roles { id company title } degrees { id institution } } }',
  );
  if (!data?.person) throw new Error('no petercai');
  return data.person;
}

const companies = (p: Profile) => p.roles.map((role) => role.company);
const code = errorCode;

const addRole =
  'mutation ($input: AddRoleInput!) { addRole(input: $input) { role { id title company startDate endDate isCurrent highlights person { handle } } person { version roles { company } } } }';
const updateRole = 'mutation ($input: UpdateRoleInput!) { updateRole(input: $input) { role { id title company startDate endDate } } }';
const removeRole = 'mutation ($input: RemoveRoleInput!) { removeRole(input: $input) { removedRoleId person { roles { company } } } }';
const reorderRoles = 'mutation ($input: ReorderRolesInput!) { reorderRoles(input: $input) { person { roles { company } } } }';

describe('roles', () => {
  test('addRole puts the new role at the top by default, or where asked, and versions the profile', async () => {
    const before = await profile();
    const added = await as<{ addRole: { role: Record<string, unknown>; person: { version: number; roles: { company: string }[] } } }>(
      owner,
      addRole,
      {
        input: {
          personId: before.id,
          title: 'Staff Engineer',
          company: 'Acme',
          startDate: '2024-03',
          isCurrent: true,
          highlights: ['Shipped it'],
        },
      },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.addRole.role).toMatchObject({
      title: 'Staff Engineer',
      company: 'Acme',
      startDate: '2024-03',
      endDate: null,
      isCurrent: true,
      highlights: ['Shipped it'],
      person: { handle: 'petercai' },
    });
    expect(added.data?.addRole.person.version).toBe(before.version + 1);
    expect(companies(await profile())).toEqual(['Acme', 'Snap', 'TikTok', 'Bloomberg LP', null, null]);

    await as(owner, addRole, { input: { personId: before.id, company: 'Middle', position: 2 } });
    await as(owner, addRole, { input: { personId: before.id, company: 'Bottom', position: 99 } });
    expect(companies(await profile())).toEqual(['Acme', 'Snap', 'Middle', 'TikTok', 'Bloomberg LP', null, null, 'Bottom']);
  });

  test('updateRole changes only what is given; null clears; an end before the start is refused', async () => {
    const acme = (await profile()).roles[0];
    const updated = await as<{ updateRole: { role: Record<string, unknown> } }>(owner, updateRole, {
      input: { id: acme?.id, title: null, endDate: '2025' },
    });
    expect(updated.data?.updateRole.role).toMatchObject({ title: null, company: 'Acme', startDate: '2024-03', endDate: '2025' });
    const early = await as(owner, updateRole, { input: { id: acme?.id, endDate: '2024-01' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'endDate'] });
    const sameYear = await as(owner, updateRole, { input: { id: acme?.id, endDate: '2024' } });
    expect(sameYear.errors).toBeUndefined();
    const badDate = await as(owner, updateRole, { input: { id: acme?.id, startDate: '2024-13' } });
    expect(code(badDate)).toBe('BAD_USER_INPUT');
    const nullFlag = await as(owner, updateRole, { input: { id: acme?.id, isCurrent: null } });
    expect(nullFlag.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'isCurrent'] });
  });

  test('removeRole closes the gap; reorderRoles takes every role exactly once', async () => {
    const before = await profile();
    const middle = before.roles.find((role) => role.company === 'Middle');
    const removed = await as<{ removeRole: { person: { roles: { company: string }[] } } }>(owner, removeRole, {
      input: { id: middle?.id },
    });
    expect(removed.data?.removeRole.person.roles.map((role) => role.company)).toEqual([
      'Acme',
      'Snap',
      'TikTok',
      'Bloomberg LP',
      null,
      null,
      'Bottom',
    ]);

    const current = await profile();
    const reversed = [...current.roles].reverse().map((role) => role.id);
    const reordered = await as<{ reorderRoles: { person: { roles: { company: string }[] } } }>(owner, reorderRoles, {
      input: { personId: current.id, roleIds: reversed },
    });
    expect(reordered.data?.reorderRoles.person.roles.map((role) => role.company)).toEqual([
      'Bottom',
      null,
      null,
      'Bloomberg LP',
      'TikTok',
      'Snap',
      'Acme',
    ]);
    for (const roleIds of [reversed.slice(1), [...reversed, reversed[0]], [...reversed.slice(1), current.degrees[0]?.id]]) {
      const wrong = await as(owner, reorderRoles, { input: { personId: current.id, roleIds } });
      expect(code(wrong)).toBe('BAD_USER_INPUT');
    }
    await as(owner, reorderRoles, { input: { personId: current.id, roleIds: current.roles.map((role) => role.id) } });
  });

  test('only the owner or an admin may write; a stale version is a CONFLICT', async () => {
    const current = await profile();
    const role = current.roles[0];
    expect(code(await as(await bearer('stranger'), updateRole, { input: { id: role?.id, title: 'x' } }))).toBe('FORBIDDEN');
    expect(code(await as(await bearer('stranger'), removeRole, { input: { id: role?.id } }))).toBe('FORBIDDEN');
    expect(code(await as(null, addRole, { input: { personId: current.id } }))).toBe('UNAUTHENTICATED');
    expect(code(await as(owner, updateRole, { input: { id: role?.id, title: 'x', version: current.version - 1 } }))).toBe('CONFLICT');
    expect(
      code(await as(await bearer('ops', { admin: true }), updateRole, { input: { id: role?.id, title: 'By admin' } })),
    ).toBeUndefined();
  });
});

describe('degrees', () => {
  const addDegree =
    'mutation ($input: AddDegreeInput!) { addDegree(input: $input) { degree { institution degree field startDate endDate } person { degrees { institution } } } }';
  const updateDegree = 'mutation ($input: UpdateDegreeInput!) { updateDegree(input: $input) { degree { institution field } } }';
  const removeDegree = 'mutation ($input: RemoveDegreeInput!) { removeDegree(input: $input) { person { degrees { institution } } } }';
  const reorderDegrees = 'mutation ($input: ReorderDegreesInput!) { reorderDegrees(input: $input) { person { degrees { institution } } } }';

  test('add, update, reorder and remove, with the same rules as roles', async () => {
    const { id } = await profile();
    const added = await as<{ addDegree: { person: { degrees: { institution: string }[] } } }>(owner, addDegree, {
      input: { personId: id, institution: 'MIT', degree: 'PhD', field: 'EECS', startDate: '2021', endDate: '2025-06', position: 0 },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addDegree.person.degrees.map((degree) => degree.institution)).toEqual([
      'MIT',
      'University of California, Santa Cruz',
      'Beijing University of Posts and Telecommunications',
    ]);
    expect(code(await as(owner, addDegree, { input: { personId: id, institution: '' } }))).toBe('BAD_USER_INPUT');
    expect(code(await as(owner, addDegree, { input: { personId: id, institution: 'X', startDate: '2020', endDate: '2019' } }))).toBe(
      'BAD_USER_INPUT',
    );

    const mit = (await profile()).degrees[0];
    expect((await as(owner, updateDegree, { input: { id: mit?.id, field: 'Computer Science' } })).data).toEqual({
      updateDegree: { degree: { institution: 'MIT', field: 'Computer Science' } },
    });
    expect((await as(owner, updateDegree, { input: { id: mit?.id, institution: null } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'institution'],
    });

    const ids = (await profile()).degrees.map((degree) => degree.id);
    const reordered = await as<{ reorderDegrees: { person: { degrees: { institution: string }[] } } }>(owner, reorderDegrees, {
      input: { personId: id, degreeIds: [ids[1], ids[2], ids[0]] },
    });
    expect(reordered.data?.reorderDegrees.person.degrees.at(-1)?.institution).toBe('MIT');
    const removed = await as<{ removeDegree: { person: { degrees: { institution: string }[] } } }>(owner, removeDegree, {
      input: { id: mit?.id },
    });
    expect(removed.data?.removeDegree.person.degrees.map((degree) => degree.institution)).toEqual([
      'University of California, Santa Cruz',
      'Beijing University of Posts and Telecommunications',
    ]);
  });
});
