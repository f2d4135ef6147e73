import { toGlobalId } from '../src/common/node';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let ids: { person: string; role: string; degree: string; skill: string };

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peterCai);
  const { data } = await app.query<{
    person: { id: string; roles: { id: string }[]; degrees: { id: string }[]; skills: { id: string }[] };
  }>('{ person(handle: "petercai") { id roles { id } degrees { id } skills { id } } }');
  const person = data?.person;
  if (!person?.roles[0] || !person.degrees[0] || !person.skills[0]) throw new Error('seed profile missing');
  ids = { person: person.id, role: person.roles[0].id, degree: person.degrees[0].id, skill: person.skills[0].id };
});

afterAll(() => app.close());

const nodeQuery = /* GraphQL */ `
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Person {
        handle
      }
      ... on Role {
        company
        person {
          handle
        }
      }
      ... on Degree {
        institution
      }
      ... on Skill {
        name
      }
    }
  }
`;

test('every Node type refetches by its global ID', async () => {
  const fetch = async (id: string) => (await app.query<{ node: Record<string, unknown> }>(nodeQuery, { id })).data?.node;
  expect(await fetch(ids.person)).toEqual({ __typename: 'Person', id: ids.person, handle: 'petercai' });
  expect(await fetch(ids.role)).toEqual({ __typename: 'Role', id: ids.role, company: 'Snap', person: { handle: 'petercai' } });
  expect(await fetch(ids.degree)).toEqual({
    __typename: 'Degree',
    id: ids.degree,
    institution: 'University of California, Santa Cruz',
  });
  expect(await fetch(ids.skill)).toEqual({ __typename: 'Skill', id: ids.skill, name: 'Google Tag Manager' });
});

test('global IDs are opaque and differ across types with the same database id', async () => {
  const [person] = await app.db.query<{ id: number }[]>('SELECT id FROM person');
  expect(ids.person).toBe(toGlobalId('Person', person?.id ?? 0));
  expect(ids.person).not.toMatch(/^\d+$/);
  expect(toGlobalId('Person', 1)).not.toBe(toGlobalId('Skill', 1));
});

test.each([
  ['garbage', 'not base64 at all!'],
  ['empty', ''],
  ['unknown type', Buffer.from('Invoice:1').toString('base64url')],
  ['non-numeric id', Buffer.from('Person:abc').toString('base64url')],
  ['id out of range', Buffer.from('Person:99999999999').toString('base64url')],
  ['no such row', toGlobalId('Person', 987654)],
  // Other spellings of a real ID would answer with an id that differs from the one asked for.
  ['padded', `${toGlobalId('Person', 1)}=`],
  ['standard base64', Buffer.from('Person:1').toString('base64')],
  ['surrounding space', ` ${toGlobalId('Person', 1)}`],
])('a malformed or unknown ID (%s) gives null', async (_, id) => {
  const { data, errors } = await app.query(nodeQuery, { id });
  expect(errors).toBeUndefined();
  expect(data).toEqual({ node: null });
});

test('nodes(ids:) answers in the order asked, null where unknown', async () => {
  const { data } = await app.query<{ nodes: ({ id: string } | null)[] }>('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
    ids: [ids.skill, 'nope', ids.person, ids.role, ids.skill],
  });
  expect(data?.nodes).toEqual([{ id: ids.skill }, null, { id: ids.person }, { id: ids.role }, { id: ids.skill }]);
});

test('nodes(ids:) takes at most 100 IDs', async () => {
  const { errors } = await app.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
    ids: Array(101).fill(ids.person),
  });
  expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['ids'] });
});
