import { auditServer } from 'graphql-http';
import { startTestApp, type TestApp } from './support/test-app';

// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): what any client library may
// rely on, checked with the graphql-http project's own audit suite and a few direct requests.

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production' });
});

afterAll(() => app.close());

test('passes the whole graphql-http server audit: no MUST failure and no SHOULD warning', async () => {
  const results = await auditServer({ url: app.url, fetchFn: fetch });
  const summary = (status: string) =>
    results.filter((result) => result.status === status).map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
  expect(summary('error')).toEqual([]);
  expect(summary('warn')).toEqual([]);
  // The MAYs left out are the ones Apollo's CSRF prevention refuses on purpose: a GET without a
  // preflight header (a page on another site could send it) is a 400, whatever it asks.
  expect(results.filter((result) => result.status === 'notice').map((result) => result.name)).toEqual([
    'MAY accept application/x-www-form-urlencoded formatted GET requests',
    'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
    'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
  ]);
  expect(results.length).toBeGreaterThan(30);
});

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: text };
}

test('answers application/graphql-response+json with its status codes when the client accepts it', async () => {
  const accept = { accept: 'application/graphql-response+json' };
  const ok = await post(JSON.stringify({ query: '{ people { totalCount } }' }), accept);
  expect(ok).toMatchObject({ status: 200, type: expect.stringMatching(/^application\/graphql-response\+json/) });

  const parse = await post(JSON.stringify({ query: '{ people {' }), accept);
  expect(parse.status).toBe(400);
  const validation = await post(JSON.stringify({ query: '{ nobody }' }), accept);
  expect(validation.status).toBe(400);
  const variables = await post(
    JSON.stringify({ query: 'query ($h: String!) { person(handle: $h) { name } }', variables: { h: 42 } }),
    accept,
  );
  expect(variables.status).toBe(400);
  expect(JSON.parse(variables.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  const text = await post(JSON.stringify({ query: '{ people(filter: { search: "x\\u0000y" }) { totalCount } }' }), accept);
  expect(text.status).toBe(400);
  expect(JSON.parse(text.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: ['filter', 'search'] } }] });
});

test('a legacy application/json client gets 200 for every well-formed request, errors in the body', async () => {
  const requests = [
    ['a parse error', { query: '{ people {' }, 'GRAPHQL_PARSE_FAILED'],
    ['a validation error', { query: '{ nobody }' }, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'variables that do not coerce',
      { query: 'query ($h: String!) { person(handle: $h) { name } }', variables: { h: 42 } },
      'BAD_USER_INPUT',
    ],
    [
      'text PostgreSQL cannot store',
      { query: 'query ($h: String!) { person(handle: $h) { name } }', variables: { h: 'a\u0000b' } },
      'BAD_USER_INPUT',
    ],
    [
      'a query limit',
      { query: '{ people(first: 100) { nodes { skills(first: 100) { people(first: 100) { nodes { name } } } } } }' },
      'COST_LIMIT_EXCEEDED',
    ],
  ] as const;
  for (const accept of [undefined, 'application/json', '*/*', 'application/json, application/graphql-response+json']) {
    for (const [name, body, code] of requests) {
      const response = await post(JSON.stringify(body), accept ? { accept } : {});
      expect({ name, accept, status: response.status, type: response.type }).toEqual({
        name,
        accept,
        status: 200,
        type: expect.stringMatching(/^application\/json/),
      });
      expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code } }] });
    }
  }
});

test.each([
  ['malformed JSON', '{"query": "{ people { totalCount } }"', 400, 'BAD_REQUEST'],
  ['an empty body', '', 400, 'BAD_REQUEST'],
  ['no query', '{}', 400, 'BAD_REQUEST'],
  ['a query that is not a string', '{"query": 42}', 400, 'BAD_REQUEST'],
  ['variables that are not an object', '{"query": "{ __typename }", "variables": [1]}', 400, 'BAD_REQUEST'],
])('%s gets a 4xx JSON error', async (_, body, status, code) => {
  const response = await post(body);
  expect(response.status).toBe(status);
  expect(response.type).toMatch(/json/);
  const parsed = JSON.parse(response.body) as { errors: { extensions?: { code?: string } }[] };
  expect(parsed.errors[0]?.extensions?.code ?? 'BAD_REQUEST').toBe(code);
});

test('an unknown route gets a JSON 404', async () => {
  const response = await fetch(new URL('/nowhere', app.url));
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
});

test('GET runs queries (with a CSRF preflight header) and never mutations', async () => {
  const get = (query: string) =>
    fetch(`${app.url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect((await get('{ people { totalCount } }')).status).toBe(200);
  const mutation = await get('mutation { deletePerson(input: { id: "UGVyc29uOjE" }) { deletedPersonId } }');
  expect(mutation.status).toBe(405);
  expect(await mutation.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
});
