import { syntheticProfile } from '../../bench/synthetic-profile';
import { toGlobalId } from '../../src/common/node';
import { loadProfile } from '../../src/seed/load-profile';
import { postGraphQL, startTestApp, type TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';
import { startGateway, type Gateway } from './gateway';
import { startJobsSubgraph, type ApplicationRecord, type JobsData, type JobsSubgraph } from './jobs-subgraph';
import { subgraphUrlOf } from './post';

// A real @apollo/gateway composes profilegraph (its /subgraph endpoint) and a jobs subgraph, and
// clients query the supergraph through it.

let app: TestApp;
let jobs: JobsSubgraph;
let gateway: Gateway;
const slugs: string[] = [];
let personId = '';

function applications(count: number): ApplicationRecord[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `application-${n}`,
    jobId: `job-${n % 2}`,
    applicantHandle: `person-${n}`,
    skillSlugs: [slugs[n % slugs.length] ?? '', slugs[(n + 1) % slugs.length] ?? ''],
    status: n % 3 ? 'SUBMITTED' : 'INTERVIEW',
  }));
}

function jobsData(count: number): JobsData {
  return {
    jobs: [
      { id: 'job-0', title: 'Backend engineer', skillSlugs: slugs.slice(0, 2) },
      { id: 'job-1', title: 'Data engineer', skillSlugs: slugs.slice(2, 3) },
    ],
    applications: applications(count),
  };
}

const query = <TData = Record<string, unknown>>(text: string, variables?: Record<string, unknown>, authorization?: string) =>
  postGraphQL<TData>(gateway.url, text, variables, authorization);

beforeAll(async () => {
  app = await startTestApp();
  for (let n = 0; n < 50; n++) {
    const id = await loadProfile(app.db, syntheticProfile(n, { roles: 2, degrees: 1, skills: 3 }), `subject-${n}`);
    if (n === 0) personId = toGlobalId('Person', id);
  }
  const { data } = await app.query<{ skills: { nodes: { slug: string }[] } }>('{ skills(first: 5) { nodes { slug } } }');
  slugs.push(...(data?.skills.nodes.map((skill) => skill.slug) ?? []));
  if (slugs.length < 5) throw new Error('expected at least 5 skills');
  jobs = await startJobsSubgraph(jobsData(50));
  gateway = await startGateway([
    { name: 'profiles', url: subgraphUrlOf(app.url) },
    { name: 'jobs', url: jobs.url },
  ]);
});

afterAll(async () => {
  await gateway.stop();
  await jobs.stop();
  await app.close();
});

describe('queries that cross subgraphs', () => {
  test('from jobs into profilegraph: applicants and required skills', async () => {
    const { data, errors } = await query(`{
      applications(first: 2) {
        totalCount
        nodes { id status job { title } applicant { handle name headline roles(first: 1) { title } } skillsRequired { slug name } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      applications: {
        totalCount: 50,
        nodes: [0, 1].map((n) => ({
          id: `application-${n}`,
          status: n ? 'SUBMITTED' : 'INTERVIEW',
          job: { title: n ? 'Data engineer' : 'Backend engineer' },
          applicant: { handle: `person-${n}`, name: `Person ${n}`, headline: `Engineer number ${n}`, roles: [{ title: 'Title 0' }] },
          skillsRequired: [slugs[n], slugs[n + 1]].map((slug) => ({ slug, name: expect.any(String) })),
        })),
      },
    });
  });

  test('from profilegraph into jobs and back: a person’s applications and their jobs’ skills', async () => {
    const { data, errors } = await query(`{
      person(handle: "PERSON-1") { name applications { id job { title skillsRequired { slug name } } } }
      node(id: "${personId}") { ... on Person { handle applications { status } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      person: {
        name: 'Person 1',
        applications: [
          { id: 'application-1', job: { title: 'Data engineer', skillsRequired: [{ slug: slugs[2], name: expect.any(String) }] } },
        ],
      },
      node: { handle: 'person-0', applications: [{ status: 'INTERVIEW' }] },
    });
  });

  test('profilegraph’s SQL is the same for 1 application as for 50', async () => {
    const text = `query Applicants($first: Int) {
      applications(first: $first) { nodes { applicant { name skills { name } } skillsRequired { name } } }
    }`;
    const statements = async (first: number) =>
      app.countStatements(async () => {
        const { data, errors } = await query<{ applications: { nodes: unknown[] } }>(text, { first });
        expect(errors).toBeUndefined();
        expect(data?.applications.nodes).toHaveLength(first);
      });
    const one = await statements(1);
    const fifty = await statements(50);
    // One _entities request: people by handle (with their skills), skills by slug.
    expect({ one, fifty }).toEqual({ one: 2, fifty: 2 });
  });
});

describe('errors raised in profilegraph reach the client with their code', () => {
  test('BAD_USER_INPUT', async () => {
    const { data, errors } = await query('{ people(first: 1000) { totalCount } applications(first: 1) { totalCount } }');
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatchObject({ path: ['people'], extensions: { code: 'BAD_USER_INPUT', field: ['first'] } });
    expect(data).toBeNull(); // people is non-null: the whole data goes, as in any GraphQL server
  });

  test('FORBIDDEN and NOT_FOUND, with the Authorization header the gateway forwarded', async () => {
    const update = 'mutation ($id: ID!) { updatePerson(input: { id: $id, version: 1, headline: "Hi" }) { person { headline } } }';
    const someoneElse = await bearer('subject-7');
    const forbidden = await query(update, { id: personId }, someoneElse);
    expect(forbidden.errors?.[0]).toMatchObject({ path: ['updatePerson'], extensions: { code: 'FORBIDDEN' } });
    const missing = await query(update, { id: toGlobalId('Person', 2_000_000_000) }, someoneElse);
    expect(missing.errors?.[0]).toMatchObject({ path: ['updatePerson'], extensions: { code: 'NOT_FOUND' } });
    const anonymous = await query(update, { id: personId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('privacy through the gateway', () => {
  const contact = `{
    person(handle: "person-0") { email }
    node(id: "${'ID'}") { ... on Person { email } }
    applications(first: 1) { nodes { applicant { email } } }
  }`;

  async function emails(authorization?: string) {
    const { data, errors } = await query<{
      person: { email: string | null };
      node: { email: string | null };
      applications: { nodes: { applicant: { email: string | null } }[] };
    }>(contact.replace('ID', personId), undefined, authorization);
    expect(errors).toBeUndefined();
    return [data?.person.email, data?.node.email, data?.applications.nodes[0]?.applicant.email];
  }

  test('contact details are null for anonymous clients and other people, by person, node or _entities', async () => {
    expect(await emails()).toEqual([null, null, null]);
    expect(await emails(await bearer('subject-1'))).toEqual([null, null, null]);
  });

  test('the owner and admins see them: the gateway forwards Authorization', async () => {
    const email = 'person-0@example.com';
    expect(await emails(await bearer('subject-0'))).toEqual([email, email, email]);
    expect(await emails(await bearer('an-admin', { admin: true }))).toEqual([email, email, email]);
  });
});

describe('a profilegraph outage', () => {
  test('gives SERVICE_UNAVAILABLE at the fields it owns while the jobs subgraph still answers', async () => {
    await app.server.stop();
    const { data, errors } = await query(`{
      applications(first: 2) { totalCount nodes { status applicant { handle headline } } }
      person(handle: "person-0") { name }
    }`);
    expect(data).toEqual({
      applications: {
        totalCount: 50,
        nodes: [
          { status: 'INTERVIEW', applicant: { handle: 'person-0', headline: null } },
          { status: 'SUBMITTED', applicant: { handle: 'person-1', headline: null } },
        ],
      },
      person: null,
    });
    expect(errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['person'], 'SERVICE_UNAVAILABLE'],
      [['applications', 'nodes', 0, 'applicant'], 'SERVICE_UNAVAILABLE'],
      [['applications', 'nodes', 1, 'applicant'], 'SERVICE_UNAVAILABLE'],
    ]);
  });
});
