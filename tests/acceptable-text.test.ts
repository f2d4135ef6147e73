import { SignJWT } from 'jose';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { maxTextLength, textProblem } from '../src/common/acceptable-text';
import { hmacSecret } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { jsonTextPath, SchemaInputs, type TextPosition } from './support/schema-inputs';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer } from './support/tokens';

// Text PostgreSQL cannot store (or that no profile should hold) is the client's mistake: every
// string argument and input field of the schema, found by introspection, refuses it with
// BAD_USER_INPUT naming the field, and nothing is written.

const badTexts: [string, string][] = [
  ['NUL', 'x\u0000y'],
  ['a bell', 'x\u0007y'],
  ['an escape', '\u001b[31mred'],
  ['DEL', 'x\u007f'],
  ['a C1 control', 'x\u0085y'],
  ['a lone high surrogate', 'x\ud800y'],
  ['a lone low surrogate', '\udc00'],
  ['over-long text', 'x'.repeat(maxTextLength + 1)],
];

test.each([
  ['plain text', 'Peter Cai'],
  ['tab, line feed and CRLF', 'one\ttwo\nthree\r\nfour'],
  ['letters of any script and emoji (surrogate pairs)', 'Zoë 蔡 Ωμέγα 😀👩🏽‍💻'],
  ['the longest text allowed', 'x'.repeat(maxTextLength)],
  ['the empty string', ''],
])('%s is acceptable', (_, text) => {
  expect(textProblem(text)).toBeNull();
});

test.each(badTexts)('%s is not', (_, text) => {
  expect(textProblem(text)).toEqual(expect.any(String));
});

let app: TestApp;
let admin: string;
let inputs: SchemaInputs;

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peterCai);
  admin = await bearer('ops', { admin: true });
  const { data } = await app.query<IntrospectionQuery>(getIntrospectionQuery());
  if (!data) throw new Error('no introspection');
  inputs = new SchemaInputs(data.__schema);
});

afterAll(() => app.close());

async function snapshot(): Promise<unknown> {
  return app.db.query(
    `SELECT (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM role)::int AS roles,
            (SELECT count(*) FROM degree)::int AS degrees, (SELECT count(*) FROM skill)::int AS skills,
            (SELECT count(*) FROM person_skill)::int AS links, (SELECT sum(version) FROM person)::int AS versions,
            (SELECT max("updatedAt") FROM person) AS updated`,
  );
}

function positionName(position: TextPosition): string {
  return `${[...position.route, position.field].map((field) => field.name).join('.')}(${position.path.join('.')})`;
}

function namedTypeOf(field: TextPosition['field'] | undefined): string {
  let type = field?.type;
  while (type && (type.kind === 'NON_NULL' || type.kind === 'LIST')) type = type.ofType;
  return type && 'name' in type ? type.name : '';
}

/** Where the refusal must point: the position's path, deeper inside a JSON document. */
function expectedField(position: TextPosition): (string | number)[] {
  return position.scalar === 'JSON' ? [...position.path, ...jsonTextPath] : position.path;
}

function asVariables(position: TextPosition, text: string): { query: string; variables: Record<string, unknown> } {
  const values = inputs.argumentsWith(position.field, position.path, text);
  const args = position.field.args.filter((arg) => arg.name in values);
  const definitions = args.map((arg) => `$${arg.name}: ${inputs.typeName(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return { query: probe(position, `Probe(${definitions})`, call), variables: values };
}

/** The operation that reaches the position's field along its route and calls it with `call`. */
function probe(position: TextPosition, header: string, call: string): string {
  const target = `${position.field.name}(${call}) ${inputs.selection(position.field)}`;
  const body = position.route.reduceRight((inner, step) => `${inputs.step(step)} { ${inner} }`, target);
  return `${position.operation} ${header} { ${body} }`;
}

function asLiteral(position: TextPosition, text: string): string {
  const values = inputs.argumentsWith(position.field, position.path, text);
  const args = position.field.args.filter((arg) => arg.name in values);
  const call = args.map((arg) => `${arg.name}: ${inputs.literal(arg.type, values[arg.name])}`).join(', ');
  return probe(position, '', call);
}

test('the walk finds every kind of text position: arguments, nested input fields, list items, custom scalars, JSON', () => {
  const positions = inputs.textPositions();
  const named = positions.map((position) => {
    const parent = position.route.length > 0 ? `${namedTypeOf(position.route.at(-1))}.` : '';
    return `${parent}${position.field.name}.${position.path.join('.')}`;
  });
  expect(named).toEqual(
    expect.arrayContaining([
      'person.handle',
      'people.after',
      'people.filter.search',
      'people.filter.skills.0',
      'nodes.ids.0',
      'updatePerson.input.summary',
      'updatePerson.input.email',
      'updatePerson.input.website',
      'addRole.input.startDate',
      'setSkills.input.names.0',
      'importResume.input.resume',
      // An argument of a field below the root, reached through a route.
      'Skill.people.after',
    ]),
  );
  expect(new Set(positions.map((position) => position.scalar))).toEqual(
    new Set(['String', 'ID', 'JSON', 'EmailAddress', 'URL', 'PartialDate']),
  );
  expect(positions.length).toBeGreaterThan(60);
});

test('every string argument and input field refuses unacceptable text with BAD_USER_INPUT naming it, and nothing is written', async () => {
  const before = await snapshot();
  const positions = inputs.textPositions();
  const failures: string[] = [];
  let requests = 0;

  for (const position of positions) {
    const field = expectedField(position);
    for (const [what, text] of badTexts) {
      const where = `${positionName(position)} with ${what}`;

      const { query, variables } = asVariables(position, text);
      const byVariable = await app.query(query, variables, admin);
      requests++;
      const error = byVariable.errors?.[0];
      if (byVariable.status !== 400 || byVariable.data != null || error?.extensions?.code !== 'BAD_USER_INPUT') {
        failures.push(`${where} (variables): ${byVariable.status} ${JSON.stringify(byVariable).slice(0, 300)}`);
      } else if (JSON.stringify(error.extensions.field) !== JSON.stringify(field)) {
        failures.push(`${where} (variables): field ${JSON.stringify(error.extensions.field)}, expected ${JSON.stringify(field)}`);
      }

      // A literal with an escaped lone surrogate does not even parse (GraphQL requires pairs).
      const lone = /[\ud800-\udfff]/u.test(text);
      const byLiteral = await app.query(asLiteral(position, text), undefined, admin);
      requests++;
      const literalError = byLiteral.errors?.[0];
      const expectedCode = lone ? 'GRAPHQL_PARSE_FAILED' : 'BAD_USER_INPUT';
      if (byLiteral.status !== 400 || byLiteral.data != null || literalError?.extensions?.code !== expectedCode) {
        failures.push(`${where} (literal): ${byLiteral.status} ${JSON.stringify(byLiteral).slice(0, 300)}`);
      } else if (!lone && JSON.stringify(literalError.extensions.field) !== JSON.stringify(field)) {
        failures.push(`${where} (literal): field ${JSON.stringify(literalError.extensions.field)}, expected ${JSON.stringify(field)}`);
      }
    }
  }

  expect(failures).toEqual([]);
  expect(requests).toBe(positions.length * badTexts.length * 2);
  expect(await snapshot()).toEqual(before);
});

test('the probe is real: the same requests with acceptable text get past the text check', async () => {
  // Without this, a probe broken in some other way (a missing argument, a wrong type) would be
  // refused too and the test above would prove nothing.
  const failures: string[] = [];
  for (const position of inputs.textPositions()) {
    const { query, variables } = asVariables(position, 'fine');
    const response = await app.query(query, variables);
    const codes = (response.errors ?? []).map((error) => error.extensions?.code);
    const refusedAsText = response.errors?.some(
      (error) =>
        JSON.stringify(error.extensions?.field) === JSON.stringify(expectedField(position)) &&
        /control|surrogate|characters/.test(error.message),
    );
    if (codes.includes('GRAPHQL_VALIDATION_FAILED') || codes.includes('GRAPHQL_PARSE_FAILED') || refusedAsText) {
      failures.push(`${positionName(position)}: ${JSON.stringify(response.errors).slice(0, 300)}`);
    }
  }
  expect(failures).toEqual([]);
});

test('a cursor that decodes to unacceptable text is refused naming the argument', async () => {
  for (const text of ['x\u0000', 'x\u0007', 'x\ud800']) {
    const after = Buffer.from(JSON.stringify(['people:name', text, 1]), 'utf8').toString('base64url');
    const response = await app.query('query ($after: String) { people(after: $after, orderBy: { field: NAME }) { totalCount } }', {
      after,
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
  }
});

test('acceptable text with tabs, CRLF and emoji is stored and read back unchanged', async () => {
  const summary = 'Line one\r\nLine two\twith a tab 😀 and 蔡';
  const read = await app.query<{ person: { id: string; version: number } }>('{ person(handle: "petercai") { id version } }');
  const updated = await app.query<{ updatePerson: { person: { summary: string } } }>(
    'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { summary } } }',
    { input: { id: read.data?.person.id, version: read.data?.person.version, summary } },
    admin,
  );
  expect(updated.errors).toBeUndefined();
  expect(updated.data?.updatePerson.person.summary).toBe(summary);
});

describe('text from outside GraphQL arguments', () => {
  test('a résumé path with unacceptable text or keys names the place inside the document', async () => {
    const response = await app.query(
      'mutation ($input: ImportResumeInput!) { importResume(input: $input) { person { handle } } }',
      { input: { handle: 'someone', resume: { basics: { name: 'Someone', profiles: [{ network: 'x', 'user\u0000name': 'y' }] } } } },
      admin,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'resume', 'basics', 'profiles', 0, 'user\u0000name'],
    });
  });

  test('a handle in the résumé URL', async () => {
    const response = await fetch(new URL('/people/peter%00cai/resume.json', app.url));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: ['handle'] } }] });
  });

  test("a token's subject", async () => {
    const secret = hmacSecret(loadConfig({ NODE_ENV: 'test' }));
    if (!secret) throw new Error('no development secret');
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('a\u0000b').setExpirationTime('1h').sign(secret);
    const response = await app.query('{ viewer { handle } }', undefined, `Bearer ${token}`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['Authorization.sub'] });
  });
});
