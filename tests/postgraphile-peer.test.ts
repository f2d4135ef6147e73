import { Kind, parse, visit } from 'graphql';
import { peopleList, profilePage, type Operation } from '../bench/operations';
import { postGraphilePeopleList, postGraphileProfilePage } from '../bench/peers/postgraphile/operations';
import { differenceFromService } from '../bench/peers/postgraphile/same-answers';
import { toGlobalId } from '../src/common/node';

// `npm run bench` reports the service as a ratio to PostGraphile; that is only fair if PostGraphile
// is asked for the same fields and held to the same answers. The run itself checks the answers on
// real data; these check the texts, and that the comparison catches what it must.

/** The fields that hold values (no selection of their own), in document order, and every `first`. */
function shape(operation: Operation): { leaves: string[]; pageSizes: string[] } {
  const leaves: string[] = [];
  const pageSizes: string[] = [];
  visit(parse(operation.query), {
    Field(field) {
      if (!field.selectionSet) leaves.push(field.name.value);
      for (const argument of field.arguments ?? []) {
        if (argument.name.value === 'first' && argument.value.kind === Kind.INT) pageSizes.push(argument.value.value);
      }
    },
  });
  return { leaves, pageSizes };
}

describe('PostGraphile is asked for what the service is asked for', () => {
  test.each([
    { service: profilePage, postGraphile: postGraphileProfilePage },
    { service: peopleList, postGraphile: postGraphilePeopleList },
  ])('$service.name', ({ service, postGraphile }) => {
    expect(postGraphile.name).toBe(service.name);
    expect(shape(postGraphile)).toEqual(shape(service));
  });
});

const pglId = (typeName: string, id: number) => Buffer.from(JSON.stringify([typeName, id])).toString('base64');

const servicePerson = {
  id: toGlobalId('Person', 7),
  handle: 'ada',
  name: 'Ada',
  headline: null,
  summary: 'Engines',
  location: null,
  availability: null,
  website: 'https://example.com/',
  authorizedToWorkIn: ['GB'],
  jobCategories: [],
  version: 2,
  createdAt: '2024-02-29T12:34:56.789Z',
  updatedAt: '2024-03-01T00:00:00.000Z',
  roles: [
    {
      id: toGlobalId('Role', 3),
      title: 'Analyst',
      company: null,
      location: null,
      startDate: '1842',
      endDate: null,
      isCurrent: false,
      description: null,
      highlights: [],
    },
  ],
  degrees: [],
  skills: [
    { id: toGlobalId('Skill', 1), name: 'Maths', slug: 'maths', category: null },
    { id: toGlobalId('Skill', 2), name: 'Notes', slug: 'notes', category: 'Writing' },
  ],
};

const postGraphilePerson = {
  ...servicePerson,
  id: pglId('Person', 7),
  // As stored, and as PostgreSQL's to_char writes a timestamptz: another spelling of the same instants.
  website: 'HTTPS://Example.COM',
  createdAt: '2024-02-29T12:34:56.789000+00:00',
  updatedAt: '2024-03-01T00:00:00.000000+00:00',
  roles: undefined,
  degrees: undefined,
  skills: undefined,
  rolesByPersonId: { nodes: servicePerson.roles.map((role) => ({ ...role, id: pglId('Role', 3) })) },
  degreesByPersonId: { nodes: [] },
  personSkillsByPersonId: {
    nodes: servicePerson.skills.map((skill, i) => ({ skillBySkillId: { ...skill, id: pglId('Skill', i + 1) } })),
  },
};

const answer = (data: unknown) => JSON.stringify({ data });

describe('PostGraphile must find what the service finds', () => {
  test("the same profile, spelt in each server's way, is the same", () => {
    expect(
      differenceFromService('ProfilePage', answer({ person: servicePerson }), answer({ personByHandle: postGraphilePerson })),
    ).toBeNull();
    expect(differenceFromService('ProfilePage', answer({ person: null }), answer({ personByHandle: null }))).toBeNull();
  });

  test('skills in another order are not', () => {
    const reordered = {
      ...postGraphilePerson,
      personSkillsByPersonId: { nodes: [...postGraphilePerson.personSkillsByPersonId.nodes].reverse() },
    };
    expect(differenceFromService('ProfilePage', answer({ person: servicePerson }), answer({ personByHandle: reordered }))).toMatch(
      /Skill:1/,
    );
  });

  test('another person is not, nor an answer with errors', () => {
    const other = { ...postGraphilePerson, id: pglId('Person', 8) };
    expect(differenceFromService('ProfilePage', answer({ person: servicePerson }), answer({ personByHandle: other }))).toMatch(/Person:8/);
    const failed = JSON.stringify({ data: { personByHandle: null }, errors: [{ message: 'boom' }] });
    expect(differenceFromService('ProfilePage', answer({ person: null }), failed)).toMatch(/boom/);
  });

  test('a page of people is compared person by person, cursors aside', () => {
    const node = { handle: 'ada', name: 'Ada', headline: null };
    const serviceRole = { title: 'Analyst', company: null, startDate: '1842', endDate: null };
    const service = answer({
      people: {
        edges: [{ cursor: 'service-cursor', node: { ...node, roles: [serviceRole], skills: [{ name: 'Maths' }] } }],
        pageInfo: { hasNextPage: true, endCursor: 'service-cursor' },
      },
    });
    const postGraphile = (hasNextPage: boolean) =>
      answer({
        allPeople: {
          edges: [
            {
              cursor: 'postgraphile-cursor',
              node: {
                ...node,
                rolesByPersonId: { nodes: [serviceRole] },
                personSkillsByPersonId: { nodes: [{ skillBySkillId: { name: 'Maths' } }] },
              },
            },
          ],
          pageInfo: { hasNextPage, endCursor: 'postgraphile-cursor' },
        },
      });
    expect(differenceFromService('PeopleList', service, postGraphile(true))).toBeNull();
    expect(differenceFromService('PeopleList', service, postGraphile(false))).toMatch(/hasNextPage/);
  });
});
