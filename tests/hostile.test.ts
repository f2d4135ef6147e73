import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { startTestApp, type TestApp } from './support/test-app';

// A few hundred hostile requests at the running server: each gets a clean error response (JSON,
// a 4xx, every error with a code), the server keeps serving, memory stays bounded and nothing is
// written.

interface HostileRequest {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const json = { 'content-type': 'application/json' };
const gql = (query: string, variables?: unknown): HostileRequest => ({
  name: `query ${query.slice(0, 40)}`,
  headers: json,
  body: JSON.stringify({ query, variables }),
});

function hostileRequests(): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const add = (request: HostileRequest) => requests.push(request);

  // Malformed JSON.
  for (const body of [
    '{',
    '{"query":',
    '{"query": "{ __typename }"',
    'null',
    '[]',
    '"text"',
    '42',
    'true',
    '{"query": null}',
    '{,}',
    '\u0000',
    '{"query": "{ __typename }"}}',
  ]) {
    add({ name: `malformed ${body}`, headers: json, body });
  }
  for (let depth = 10; depth <= 100_000; depth *= 10) {
    add({
      name: `json nested ${depth}`,
      headers: json,
      body: `{"query":"{ __typename }","variables":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    });
  }
  // Wrong content types and methods.
  for (const type of [
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/graphql',
    'image/png',
    '',
    'application/json; charset=latin1',
  ]) {
    add({ name: `content-type ${type}`, headers: type ? { 'content-type': type } : {}, body: '{"query":"{ __typename }"}' });
  }
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS'])
    add({ name: `method ${method}`, method, headers: json, body: '{"query":"{ __typename }"}' });
  for (const search of [
    '',
    '?query=',
    '?query=%7B',
    '?query={__typename}&variables=%7B',
    '?query=mutation{__typename}',
    '?extensions=[1]',
  ]) {
    add({ name: `GET ${search}`, method: 'GET', path: `/graphql${search}`, headers: { 'apollo-require-preflight': '1' } });
  }
  // Variables of the wrong type.
  const byHandle = 'query ($h: String!) { person(handle: $h) { name } }';
  for (const h of [42, null, true, [], {}, ['a'], 1.5, { $ne: 1 }]) add(gql(byHandle, { h }));
  const paged = 'query ($n: Int, $a: String) { people(first: $n, after: $a) { totalCount } }';
  for (const n of ['20', 1.5, -1, 101, 2 ** 31, '1e9', [], {}, true]) add(gql(paged, { n }));
  for (const a of [42, 'x', '', '%%%', 'W10', 'WyJwZW9wbGUiXQ', Buffer.from('["people","x",1]').toString('base64url')])
    add(gql(paged, { a }));
  add(gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: 'not-a-list' }));
  add(gql('query ($id: ID!) { node(id: $id) { id } }', { id: { nested: true } }));
  add({ name: 'variables not an object', headers: json, body: '{"query":"{ __typename }","variables":"x"}' });
  add({ name: 'query not a string', headers: json, body: '{"query":{"a":1}}' });
  add({ name: 'operationName missing', headers: json, body: '{"query":"query A { __typename } query B { __typename }"}' });
  add({ name: 'operationName wrong', headers: json, body: '{"query":"query A { __typename }","operationName":"C"}' });
  // Enormous strings and bodies.
  for (const size of [10_000, 100_000, 900_000]) {
    add(gql(byHandle, { h: 'a'.repeat(size) }));
    add(gql(`{ person(handle: "${'b'.repeat(size)}") { name } }`));
    add(gql(`{ ${'x'.repeat(size)} }`));
  }
  for (const size of [1_100_000, 5_000_000])
    add({ name: `oversize ${size}`, headers: json, body: JSON.stringify({ query: '{ __typename }', pad: 'p'.repeat(size) }) });
  // Deep nesting, alias bombs, directive floods, fragment cycles.
  for (const depth of [15, 50, 200, 1000]) {
    const path = Array.from({ length: depth }, (_, i) => (i % 2 ? 'person' : 'roles'));
    add(
      gql(`{ person(handle: "petercai") ${path.reduceRight((inner, f) => `{ ${f} ${inner} }`, depth % 2 ? '{ title }' : '{ handle }')} }`),
    );
    add(gql(`{ ${'__typename { '.repeat(depth)}${'}'.repeat(depth)} }`));
  }
  for (const count of [50, 500, 2000]) {
    add(gql(`{ ${Array.from({ length: count }, (_, i) => `a${i}: people { totalCount }`).join(' ')} }`));
    add(gql(`{ ${Array.from({ length: count }, () => '__typename @include(if: true)').join(' ')} }`));
    add(
      gql(
        `{ ${Array.from({ length: count }, (_, i) => `p${i}: person(handle: "petercai") { roles { person { skills { people(first: 100) { nodes { name } } } } } }`).join(' ')} }`,
      ),
    );
  }
  add(gql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'));
  add(gql('query { ...A } fragment A on Query { ...A }'));
  add(
    gql(
      `query { ...F0 } ${Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { people { totalCount } ...F${i + 1} }`).join(' ')} fragment F60 on Query { __typename }`,
    ),
  );
  add(gql('{ people(first: 100) { nodes { skills(first: 100) { people(first: 100) { nodes { skills(first: 100) { name } } } } } } }'));
  // Huge ID lists.
  for (const count of [101, 1000, 20_000]) {
    add(gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: count }, (_, i) => `id-${i}`) }));
  }
  // Invalid UTF-8 and control characters.
  for (const bytes of [
    [0xff, 0xfe],
    [0xc3, 0x28],
    [0xe2, 0x82],
    [0xf0, 0x28, 0x8c, 0x28],
    [0xed, 0xa0, 0x80],
  ]) {
    add({
      name: `invalid utf-8 ${bytes}`,
      headers: json,
      body: Buffer.concat([Buffer.from('{"query":"{ person(handle: \\"'), Buffer.from(bytes), Buffer.from('\\") { name } }"}')]),
    });
  }
  add(gql(byHandle, { h: '\u0000\u0001\uffff' }));
  add(gql('{ person(handle: "\\u0000") { name } }'));
  add(gql('{ skill(slug: "\\u0000") { name } }'));
  // Batches (off by default) and mutations (there are none yet).
  add({ name: 'batch', headers: json, body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ __typename }' }))) });
  add(gql('mutation { deleteEverything }'));
  add(gql('subscription { people { totalCount } }'));

  // Repeat the whole set with small variations until there are a few hundred.
  const base = [...requests];
  for (let round = 1; requests.length < 300; round++) {
    for (const request of base) requests.push({ ...request, name: `${request.name} #${round}` });
  }
  return requests;
}

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production' });
  await loadProfile(app.db, peterCai);
});

afterAll(() => app.close());

async function snapshot(): Promise<unknown> {
  return app.db.query(
    `SELECT (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM role)::int AS roles,
            (SELECT count(*) FROM degree)::int AS degrees, (SELECT count(*) FROM skill)::int AS skills,
            (SELECT count(*) FROM person_skill)::int AS links, (SELECT max("updatedAt") FROM person) AS updated`,
  );
}

test('hundreds of hostile requests each get a clean error, and the server stays up, bounded and unchanged', async () => {
  const requests = hostileRequests();
  expect(requests.length).toBeGreaterThanOrEqual(300);
  const before = await snapshot();
  const rssBefore = process.memoryUsage().rss;
  const problems: string[] = [];

  for (const request of requests) {
    const response = await fetch(new URL(request.path ?? '/graphql', app.url), {
      method: request.method ?? 'POST',
      headers: request.headers,
      body: request.method === 'GET' ? undefined : request.body,
    });
    const text = await response.text();
    if (response.status >= 500) problems.push(`${request.name}: status ${response.status} ${text.slice(0, 200)}`);
    if (request.method === 'OPTIONS' && response.status < 300) continue;
    let body: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`${request.name}: not JSON (${response.status}) ${text.slice(0, 120)}`);
      continue;
    }
    const errors = Array.isArray(body) ? body.flatMap((item: { errors?: [] }) => item.errors ?? []) : (body?.errors ?? []);
    if (response.status !== 200 && errors.length === 0) problems.push(`${request.name}: ${response.status} without errors`);
    for (const error of errors) {
      if (typeof error.extensions?.code !== 'string')
        problems.push(`${request.name}: error without a code ${JSON.stringify(error).slice(0, 200)}`);
      // Hostile input is the client's fault: an internal error here is a bug.
      if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') problems.push(`${request.name}: internal error`);
      if (/stack|SELECT|relation|ECONN/i.test(JSON.stringify(error))) problems.push(`${request.name}: leaks internals`);
    }
  }

  expect(problems).toEqual([]);
  expect((await fetch(new URL('/healthz', app.url))).status).toBe(200);
  expect((await app.query('{ person(handle: "petercai") { name } }')).data).toEqual({ person: { name: 'Peter Cai' } });
  expect(await snapshot()).toEqual(before);
  global.gc?.();
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
});
