import { readFileSync } from 'node:fs';
import {
  JSON_RESUME_SCHEMA_URL,
  profileToResume,
  resumeToProfile,
  validateResume,
  type JsonResume,
  type ResumeEducation,
  type ResumeProblem,
  type ResumeWork,
} from '../src/resume/json-resume';
import { peterCai } from '../src/seed/petercai';
import type { SeedProfile } from '../src/seed/seed-profile';

const work: ResumeWork[] = [
  {
    name: 'Paystack',
    location: 'Lagos, Nigeria',
    description: 'Online payments for Africa',
    position: 'Staff Engineer',
    url: 'https://paystack.com',
    startDate: '2021-03',
    summary: 'Leads the settlement platform team.',
    highlights: ['Cut settlement time from T+2 to T+1', 'Designed the double-entry ledger service'],
  },
  {
    name: 'Andela',
    location: 'Remote',
    position: 'Senior Software Engineer',
    startDate: '2017-06-01',
    endDate: '2021-02-28',
    summary: 'Built payment integrations for US fintech clients.',
    highlights: ['Migrated a card-issuing API from Rails to TypeScript with zero downtime'],
  },
  { name: 'Interswitch', position: 'Software Engineer', startDate: '2014', endDate: '2017' },
];

const education: ResumeEducation[] = [
  {
    institution: 'University of Lagos',
    url: 'https://unilag.edu.ng',
    area: 'Computer Science',
    studyType: 'Bachelor of Science',
    startDate: '2009-09',
    endDate: '2013-07',
    score: 'First Class',
    courses: ['CSC 301 - Data Structures', 'CSC 405 - Distributed Systems'],
  },
  {
    institution: 'Georgia Institute of Technology',
    area: 'Computing Systems',
    studyType: 'Master of Science',
    startDate: '2018',
    endDate: '2020',
    summary: 'Part-time online master’s degree; thesis on consensus in payment ledgers.',
    courses: ['CS 6210 - Advanced Operating Systems'],
  },
  { institution: 'Andela Learning Community', studyType: 'Certificate' },
];

const fullResume: JsonResume = {
  $schema: JSON_RESUME_SCHEMA_URL,
  basics: {
    name: 'Amara Okafor',
    label: 'Staff Engineer, payments infrastructure',
    image: 'https://example.com/amara.jpg',
    email: 'amara.okafor@example.com',
    phone: '+234 801 234 5678',
    url: 'https://amara.example.com',
    summary: 'Twelve years building payment systems that move money reliably.',
    location: {
      address: '12 Admiralty Way',
      postalCode: '106104',
      city: 'Lagos',
      region: 'Lagos State',
      countryCode: 'NG',
    },
    profiles: [{ network: 'GitHub', username: 'amaraok', url: 'https://github.com/amaraok' }],
  },
  work,
  volunteer: [{ organization: 'She Code Africa', position: 'Mentor', startDate: '2019', highlights: ['Mentored 30 engineers'] }],
  education,
  awards: [{ title: 'Engineer of the Year', date: '2022-12', awarder: 'Paystack' }],
  certificates: [{ name: 'AWS Solutions Architect', date: '2020-05', issuer: 'Amazon Web Services' }],
  publications: [{ name: 'Ledgers that never lie', publisher: 'InfoQ', releaseDate: '2023-04-11' }],
  skills: [
    { name: 'Backend', level: 'Expert', keywords: ['TypeScript', 'Node.js', 'PostgreSQL'] },
    { name: 'Data', keywords: ['postgresql', 'Kafka', 'Python'] },
    { name: 'Cloud', keywords: ['AWS', 'Kubernetes', 'kafka', 'BACKEND'] },
  ],
  languages: [
    { language: 'English', fluency: 'Native' },
    { language: 'Igbo', fluency: 'Native' },
  ],
  interests: [{ name: 'Chess', keywords: ['Sicilian Defence'] }],
  references: [{ name: 'Tunde Bello', reference: 'Amara made our payouts boring, in the best way.' }],
  projects: [{ name: 'ledgerkit', description: 'Open-source double-entry ledger', url: 'https://github.com/amaraok/ledgerkit' }],
  meta: { version: 'v1.0.0', lastModified: '2024-01-15T10:00:00' },
};

/** What resumeToProfile must make of fullResume. */
const amara: SeedProfile = {
  handle: 'amara',
  name: 'Amara Okafor',
  headline: 'Staff Engineer, payments infrastructure',
  summary: 'Twelve years building payment systems that move money reliably.',
  location: 'Lagos, Lagos State, NG',
  availability: null,
  email: 'amara.okafor@example.com',
  phone: '+234 801 234 5678',
  website: 'https://amara.example.com',
  authorizedToWorkIn: [],
  jobCategories: [],
  roles: [
    {
      title: 'Staff Engineer',
      company: 'Paystack',
      location: 'Lagos, Nigeria',
      startDate: '2021-03',
      endDate: null,
      isCurrent: true,
      description: 'Leads the settlement platform team.',
      highlights: ['Cut settlement time from T+2 to T+1', 'Designed the double-entry ledger service'],
    },
    {
      title: 'Senior Software Engineer',
      company: 'Andela',
      location: 'Remote',
      startDate: '2017-06-01',
      endDate: '2021-02-28',
      isCurrent: false,
      description: 'Built payment integrations for US fintech clients.',
      highlights: ['Migrated a card-issuing API from Rails to TypeScript with zero downtime'],
    },
    {
      title: 'Software Engineer',
      company: 'Interswitch',
      location: null,
      startDate: '2014',
      endDate: '2017',
      isCurrent: false,
      description: null,
      highlights: [],
    },
  ],
  degrees: [
    {
      institution: 'University of Lagos',
      degree: 'Bachelor of Science',
      field: 'Computer Science',
      startDate: '2009-09',
      endDate: '2013-07',
      description: 'CSC 301 - Data Structures\nCSC 405 - Distributed Systems',
    },
    {
      institution: 'Georgia Institute of Technology',
      degree: 'Master of Science',
      field: 'Computing Systems',
      startDate: '2018',
      endDate: '2020',
      description: 'Part-time online master’s degree; thesis on consensus in payment ledgers.',
    },
    {
      institution: 'Andela Learning Community',
      degree: 'Certificate',
      field: null,
      startDate: null,
      endDate: null,
      description: null,
    },
  ],
  skills: ['Backend', 'TypeScript', 'Node.js', 'PostgreSQL', 'Data', 'Kafka', 'Python', 'Cloud', 'AWS', 'Kubernetes'],
};

/** Every field that JSON Resume can carry is set. */
const fullProfile: SeedProfile = {
  handle: 'jo',
  name: 'Jo Lindqvist',
  headline: 'Platform engineer',
  summary: 'Keeps build pipelines fast.\nLikes boring technology.',
  location: 'Malmö, Sweden',
  availability: null,
  email: 'jo@example.se',
  phone: '+46 70 123 45 67',
  website: 'https://jo.example.se/',
  authorizedToWorkIn: [],
  jobCategories: [],
  roles: [
    {
      title: 'Platform Engineer',
      company: 'Spotify',
      location: 'Stockholm',
      startDate: '2022-01-10',
      endDate: null,
      isCurrent: true,
      description: 'Owns the CI fleet.',
      highlights: ['Halved median build time', 'Moved 400 repositories to Bazel'],
    },
    {
      title: 'Developer',
      company: 'Klarna',
      location: 'Stockholm',
      startDate: '2018-02',
      endDate: '2021-12',
      isCurrent: false,
      description: 'Checkout backend.',
      highlights: ['Wrote the retry library every service uses'],
    },
  ],
  degrees: [
    {
      institution: 'Lund University',
      degree: 'MSc',
      field: 'Computer Science',
      startDate: '2013',
      endDate: '2018',
      description: 'Thesis on incremental compilation.',
    },
  ],
  skills: ['Bazel', 'Go', 'Kubernetes'],
};

/** Paths of the null, empty-string, empty-array and empty-object values in a JSON value. */
function emptyValues(value: unknown, path = ''): string[] {
  if (value === null || value === '') return [path];
  if (Array.isArray(value)) {
    return value.length ? value.flatMap((item, index) => emptyValues(item, `${path}/${index}`)) : [path];
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([key, item]) => emptyValues(item, `${path}/${key}`)) : [path];
  }
  return [];
}

function problemsOf(document: unknown): ResumeProblem[] {
  const result = validateResume(document);
  if (result.ok) throw new Error('expected the document to be invalid');
  return [...result.problems].sort((a, b) => a.path.localeCompare(b.path));
}

const dateMessage = (got: string) => `must be a real date YYYY, YYYY-MM or YYYY-MM-DD; got ${JSON.stringify(got)}`;

describe('validateResume', () => {
  test('accepts a full document, returning it as is', () => {
    expect(validateResume(fullResume)).toEqual({ ok: true, resume: fullResume });
  });

  test.each(['sample.resume.json', 'examples/senior-engineer.resume.json', 'examples/new-grad.resume.json'])(
    "accepts the schema package's %s",
    (file) => {
      const document: unknown = JSON.parse(readFileSync(require.resolve(`@jsonresume/schema/${file}`), 'utf8'));
      expect(validateResume(document)).toEqual({ ok: true, resume: document });
    },
  );

  test('lists every problem of a document, each with its path', () => {
    const document = {
      basics: { name: 'Broken Example', email: 'not-an-email', url: 'not a url', location: 'Berlin' },
      work: [
        { name: 'Acme', startDate: '2019-13', endDate: 'May 2020', highlights: ['Shipped v2', 42] },
        { name: 'Globex', startDate: 2018 },
      ],
      education: [{ institution: 'TU Berlin', endDate: '2021-02-30', courses: 'Algorithms', summary: ['x'] }],
      skills: [{ name: 'Go', keywords: [true] }],
    };
    expect(problemsOf(document)).toEqual([
      { path: '/basics/email', message: 'must match format "email"; got "not-an-email"' },
      { path: '/basics/location', message: 'must be object; got "Berlin"' },
      { path: '/basics/url', message: 'must match format "uri"; got "not a url"' },
      { path: '/education/0/courses', message: 'must be array; got "Algorithms"' },
      { path: '/education/0/endDate', message: dateMessage('2021-02-30') },
      { path: '/education/0/summary', message: 'must be string; got an array' },
      { path: '/skills/0/keywords/0', message: 'must be string; got true' },
      { path: '/work/0/endDate', message: dateMessage('May 2020') },
      { path: '/work/0/highlights/1', message: 'must be string; got 42' },
      { path: '/work/0/startDate', message: dateMessage('2019-13') },
      { path: '/work/1/startDate', message: 'must be string; got 2018' },
    ]);
  });

  test('reports a section of the wrong type together with the other problems', () => {
    const document = { basics: { email: 'jo@' }, work: { name: 'Acme' }, education: [{ startDate: '2019-00' }] };
    expect(problemsOf(document)).toEqual([
      { path: '/basics/email', message: 'must match format "email"; got "jo@"' },
      { path: '/education/0/startDate', message: dateMessage('2019-00') },
      { path: '/work', message: 'must be array; got an object' },
    ]);
  });

  test.each([
    [null, 'null'],
    [[], 'an array'],
    ['resume', '"resume"'],
    [42, '42'],
  ])('refuses %j as a document', (document, got) => {
    expect(validateResume(document)).toEqual({
      ok: false,
      problems: [{ path: '', message: `must be a JSON Resume object; got ${got}` }],
    });
  });

  test('takes dates at any precision, but only real ones', () => {
    const withDates = (startDate: string) => ({ work: [{ startDate }], education: [{ startDate }] });
    for (const date of ['2019', '2019-05', '2019-05-31', '2020-02-29']) {
      expect(validateResume(withDates(date)).ok).toBe(true);
    }
    expect(problemsOf(withDates('2019-02-29'))).toEqual([
      { path: '/education/0/startDate', message: dateMessage('2019-02-29') },
      { path: '/work/0/startDate', message: dateMessage('2019-02-29') },
    ]);
  });

  test('compiles the schema once, when the module loads', () => {
    jest.isolateModules(() => {
      // A fresh copy of both modules, so that the spy sees the module load.
      const { default: FreshAjv } = jest.requireActual<typeof import('ajv')>('ajv');
      const compile = jest.spyOn(FreshAjv.prototype, 'compile');
      const fresh = jest.requireActual<typeof import('../src/resume/json-resume')>('../src/resume/json-resume');
      expect(compile).toHaveBeenCalledTimes(1);
      expect(fresh.validateResume(fullResume).ok).toBe(true);
      expect(fresh.validateResume({ work: 'nope' }).ok).toBe(false);
      expect(compile).toHaveBeenCalledTimes(1);
      compile.mockRestore();
    });
  });
});

describe('resumeToProfile', () => {
  test('maps every field the profile holds', () => {
    const profile = resumeToProfile('amara', fullResume);
    expect(profile.handle).toBe('amara');
    expect(profile.name).toBe('Amara Okafor');
    expect(profile.headline).toBe('Staff Engineer, payments infrastructure');
    expect(profile.summary).toBe('Twelve years building payment systems that move money reliably.');
    expect(profile.location).toBe('Lagos, Lagos State, NG');
    expect(profile.email).toBe('amara.okafor@example.com');
    expect(profile.phone).toBe('+234 801 234 5678');
    expect(profile.availability).toBeNull();
    expect(profile.authorizedToWorkIn).toEqual([]);
    expect(profile.jobCategories).toEqual([]);
    expect(profile.roles).toEqual(amara.roles);
    expect(profile.degrees).toEqual(amara.degrees);
    expect(profile.skills).toEqual(amara.skills);
    expect(profile).toEqual(amara);
  });

  test('an empty document is an empty profile', () => {
    expect(resumeToProfile('nobody', {})).toEqual({
      handle: 'nobody',
      name: '',
      headline: null,
      summary: null,
      location: null,
      availability: null,
      email: null,
      phone: null,
      website: null,
      authorizedToWorkIn: [],
      jobCategories: [],
      roles: [],
      degrees: [],
      skills: [],
    });
  });

  test('trims strings and treats empty ones as missing', () => {
    const profile = resumeToProfile('pad', {
      basics: { name: '  Pat Doe ', label: '   ', email: '', location: { city: ' Oslo ', region: '', countryCode: 'NO' } },
      work: [{ name: ' Equinor ', position: '', startDate: ' 2020 ', endDate: '  ', highlights: [' Led X ', '', '  '] }],
      education: [{ institution: '  ', studyType: ' BSc ', courses: [' ', ' Algorithms ', ''] }],
      skills: [{ name: ' ', keywords: [' Rust ', 'rust', ''] }],
    });
    expect(profile).toMatchObject({ name: 'Pat Doe', headline: null, email: null, location: 'Oslo, NO', skills: ['Rust'] });
    expect(profile.roles).toEqual([
      {
        title: null,
        company: 'Equinor',
        location: null,
        startDate: '2020',
        endDate: null,
        isCurrent: true,
        description: null,
        highlights: ['Led X'],
      },
    ]);
    expect(profile.degrees).toEqual([
      { institution: '', degree: 'BSc', field: null, startDate: null, endDate: null, description: 'Algorithms' },
    ]);
  });

  test.each<[string, JsonResume['basics'], string | null]>([
    ['city, region and country', { location: { city: 'Austin', region: 'TX', countryCode: 'US' } }, 'Austin, TX, US'],
    ['the street address only when nothing else is given', { location: { address: '1 Main St\nFloor 2' } }, '1 Main St\nFloor 2'],
    ['the place over the street address', { location: { address: '1 Main St', countryCode: 'US' } }, 'US'],
    ['nothing from a postal code alone', { location: { postalCode: '78701' } }, null],
    ['nothing without a location', {}, null],
  ])('location: %s', (_, basics, expected) => {
    expect(resumeToProfile('h', { basics }).location).toBe(expected);
  });

  test('a role is current when it has a start and no end', () => {
    const roles = resumeToProfile('h', {
      work: [{ startDate: '2020' }, { startDate: '2020', endDate: '2021' }, { endDate: '2021' }, {}],
    }).roles;
    expect(roles.map((role) => role.isCurrent)).toEqual([true, false, false, false]);
  });

  test('skills: names then keywords, first spelling kept, nameless skills still count', () => {
    const skills = resumeToProfile('h', {
      skills: [{ keywords: ['GraphQL', 'REST'] }, { name: 'graphql', keywords: ['gRPC', 'Rest', 'GRPC'] }, { name: 'SQL' }],
    }).skills;
    expect(skills).toEqual(['GraphQL', 'REST', 'gRPC', 'SQL']);
  });
});

describe('profileToResume', () => {
  test('the seed profile exports to a valid document without empty values', () => {
    const document = profileToResume(peterCai);
    expect(validateResume(document)).toEqual({ ok: true, resume: document });
    expect(emptyValues(document)).toEqual([]);
    expect(document.$schema).toBe(JSON_RESUME_SCHEMA_URL);
    expect(document.basics).toEqual({ name: peterCai.name, label: peterCai.headline, summary: peterCai.summary });
    expect(document.work).toHaveLength(5);
    expect(document.work?.[0]).toEqual({ name: 'Snap', summary: peterCai.roles[0].description });
    expect(document.work?.[4]).toEqual({ summary: peterCai.roles[4].description });
    expect(document.education?.[0]).toEqual({
      institution: 'University of California, Santa Cruz',
      studyType: 'Master’s Degree',
      area: 'Computer Science',
      startDate: '2019',
      endDate: '2021',
      summary: peterCai.degrees[0].description,
    });
    expect(document.skills).toEqual(peterCai.skills.map((name) => ({ name })));
  });

  test('a profile with every field exports to a valid document', () => {
    const document = profileToResume(fullProfile);
    expect(validateResume(document)).toEqual({ ok: true, resume: document });
    expect(document.basics?.location).toEqual({ address: 'Malmö, Sweden' });
    expect(document.work?.[0]).toEqual({
      name: 'Spotify',
      position: 'Platform Engineer',
      location: 'Stockholm',
      startDate: '2022-01-10',
      summary: 'Owns the CI fleet.',
      highlights: ['Halved median build time', 'Moved 400 repositories to Bazel'],
    });
  });

  test('an empty profile exports to just the schema link', () => {
    const empty = resumeToProfile('nobody', {});
    expect(profileToResume(empty)).toEqual({ $schema: JSON_RESUME_SCHEMA_URL });
  });
});

describe('round trips', () => {
  test.each([
    ['the seed profile', peterCai],
    ['a profile with every field set', fullProfile],
    ['the profile of the full document', amara],
  ])('%s survives export and import', (_, profile) => {
    expect(resumeToProfile(profile.handle, profileToResume(profile))).toEqual(profile);
  });

  test('availability, work authorization and job categories have no JSON Resume field, so they are lost', () => {
    const profile = { ...fullProfile, availability: 'From March, 30 h/week', authorizedToWorkIn: ['EU'], jobCategories: ['DevOps'] };
    expect(resumeToProfile('jo', profileToResume(profile))).toEqual(fullProfile);
  });

  test('a role that ended on an unknown date comes back current: JSON Resume cannot say so', () => {
    const ended = { ...fullProfile.roles[1], endDate: null, isCurrent: false };
    const back = resumeToProfile('jo', profileToResume({ ...fullProfile, roles: [ended] }));
    expect(back.roles).toEqual([{ ...ended, isCurrent: true }]);
  });

  test('a document keeps every value the profile holds', () => {
    const back = profileToResume(resumeToProfile('amara', fullResume));
    expect(validateResume(back).ok).toBe(true);
    const { name, label, email, phone, url, summary } = fullResume.basics ?? {};
    expect(back.basics).toEqual({ name, label, email, phone, url, summary, location: { address: 'Lagos, Lagos State, NG' } });
    expect(back.work).toEqual(
      work.map(({ name, position, location, startDate, endDate, summary, highlights }) => ({
        name,
        position,
        location,
        startDate,
        endDate,
        summary,
        highlights,
      })),
    );
    expect(back.education).toEqual(
      education.map(({ institution, studyType, area, startDate, endDate, summary, courses }) => ({
        institution,
        studyType,
        area,
        startDate,
        endDate,
        summary: summary ?? courses?.join('\n'),
      })),
    );
    expect(back.skills?.map((skill) => skill.name)).toEqual(amara.skills);
    expect(resumeToProfile('amara', back)).toEqual(amara);
  });
});
