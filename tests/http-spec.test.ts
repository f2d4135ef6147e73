import { auditServer } from 'graphql-http';
import { startTestApp, type TestApp } from './support/test-app';

// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): what any client library may
// rely on, checked with the graphql-http project's own audit suite and a few direct requests.

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production' });
});

afterAll(() => app.close());

test('passes every MUST of the graphql-http server audit', async () => {
  const results = await auditServer({ url: app.url, fetchFn: fetch });
  const mustFailures = results.filter((result) => result.name.startsWith('MUST') && result.status !== 'ok');
  expect(mustFailures.map((failure) => `${failure.name}: ${'reason' in failure ? failure.reason : ''}`)).toEqual([]);
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
