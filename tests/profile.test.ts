import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { profilePageQuery } from './support/queries';
import { startTestApp, type TestApp } from './support/test-app';

const page = readFileSync(resolve(__dirname, 'fixtures/profile-petercai.txt'), 'utf8');
const pageLines = page.split('\n');

function linesBetween(startHeading: string, endHeading: string): string[] {
  return pageLines.slice(pageLines.indexOf(startHeading) + 1, pageLines.indexOf(endHeading));
}

interface ProfilePage {
  person: {
    id: string;
    roles: { id: string; company: string | null }[];
    degrees: { id: string }[];
    skills: { id: string; name: string; slug: string }[];
    [field: string]: unknown;
  } | null;
}

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peterCai);
});

afterAll(() => app.close());

describe('the seed fixture is the page, whole and true', () => {
  test("name, handle, headline and summary are the page's words", () => {
    expect(pageLines[0]).toBe(peterCai.name);
    expect(pageLines[1]).toBe(`@${peterCai.handle}`);
    expect(pageLines[2]).toBe(peterCai.headline);
    expect(linesBetween("What I'm looking for", 'Experience').join('\n')).toBe(peterCai.summary);
  });

  test('all five experience entries, descriptions verbatim, nothing invented', () => {
    const entries = linesBetween('Work history, roles, and key accomplishments', 'Education');
    expect(entries).toHaveLength(5);
    expect(peterCai.roles.map((role) => role.description)).toEqual(entries);
    for (const role of peterCai.roles) {
      expect(role).toMatchObject({ title: null, location: null, startDate: null, endDate: null, highlights: [] });
      if (role.company) expect(page).toContain(role.company);
    }
    expect(peterCai.roles.map((role) => role.company)).toEqual(['Snap', 'TikTok', 'Bloomberg LP', null, null]);
  });

  test('both degrees with institution, degree, field, years and description', () => {
    const entries = linesBetween('Degrees, certifications, and relevant coursework', 'Tech stack');
    expect(peterCai.degrees).toHaveLength(2);
    peterCai.degrees.forEach((degree, i) => {
      const [institution, title, years, description] = entries.slice(i * 4, i * 4 + 4);
      expect(degree.institution).toBe(institution);
      expect(title).toBe(`${degree.degree} - ${degree.field}, ${degree.field}`);
      expect(years).toBe(`${degree.startDate} - ${degree.endDate}`);
      expect(degree.description).toBe(description);
    });
  });

  test('all sixty tech-stack entries in page order; empty sections stay empty', () => {
    const stack = linesBetween('Software and tools used professionally', 'Availability');
    expect(stack).toHaveLength(60);
    expect(peterCai.skills).toEqual(stack);
    expect(peterCai).toMatchObject({ location: null, availability: null, authorizedToWorkIn: [], jobCategories: [] });
  });
});

describe('person(handle: "petercai")', () => {
  test('returns the whole profile, field by field', async () => {
    const { data, errors } = await app.query<ProfilePage>(profilePageQuery, { handle: 'petercai' });
    expect(errors).toBeUndefined();
    const person = data?.person;
    if (!person) throw new Error('petercai was not found');

    const { roles, degrees, skills, ...fields } = peterCai;
    for (const [field, value] of Object.entries(fields)) expect([field, person[field]]).toEqual([field, value]);
    expect(new Date(String(person.createdAt)).getTime()).not.toBeNaN();
    expect(new Date(String(person.updatedAt)).getTime()).not.toBeNaN();

    expect(person.roles.map(({ id: _id, ...role }) => role)).toEqual(roles);
    expect(person.degrees.map(({ id: _id, ...degree }) => degree)).toEqual(degrees);
    expect(person.skills.map((skill) => skill.name)).toEqual(skills);
    expect(person.skills.slice(0, 4).map((skill) => skill.slug)).toEqual([
      'google-tag-manager',
      'apache-spark',
      'apache-flink',
      'google-cloud-platform',
    ]);
    expect(person.skills.find((skill) => skill.name === 'Node.js')?.slug).toBe('node-js');

    const ids = [person, ...person.roles, ...person.degrees, ...person.skills].map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('handles match regardless of case; an unknown handle is null', async () => {
    const { data } = await app.query<{ a: { handle: string }; b: null }>(
      '{ a: person(handle: "PeterCai") { handle } b: person(handle: "nobody-here") { handle } }',
    );
    expect(data).toEqual({ a: { handle: 'petercai' }, b: null });
  });

  test('roles(first:) and skills(first:) cut the lists in profile order', async () => {
    const { data } = await app.query<{ person: { roles: { company: string }[]; skills: { name: string }[] } }>(
      '{ person(handle: "petercai") { roles(first: 2) { company } skills(first: 3) { name } } }',
    );
    expect(data?.person.roles).toEqual([{ company: 'Snap' }, { company: 'TikTok' }]);
    expect(data?.person.skills).toEqual([{ name: 'Google Tag Manager' }, { name: 'Apache Spark' }, { name: 'Apache Flink' }]);
  });

  test('links back: every role and degree names its person', async () => {
    const { data } = await app.query<{ person: { roles: { person: { handle: string } }[]; degrees: { person: { handle: string } }[] } }>(
      '{ person(handle: "petercai") { roles { person { handle } } degrees { person { handle } } } }',
    );
    const owners = [...(data?.person.roles ?? []), ...(data?.person.degrees ?? [])].map((item) => item.person.handle);
    expect(owners).toEqual(Array(7).fill('petercai'));
  });

  test('loading the seed again leaves one copy', async () => {
    await loadProfile(app.db, peterCai);
    const [counts] = await app.db.query(
      `SELECT (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM role)::int AS roles,
              (SELECT count(*) FROM degree)::int AS degrees, (SELECT count(*) FROM skill)::int AS skills,
              (SELECT count(*) FROM person_skill)::int AS links`,
    );
    expect(counts).toEqual({ people: 1, roles: 5, degrees: 2, skills: 60, links: 60 });
  });
});
