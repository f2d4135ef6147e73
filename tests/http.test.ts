import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { getIntrospectionQuery, type GraphQLFormattedError, type IntrospectionQuery } from 'graphql';
import type { Logger } from 'pino';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { captureLogs } from './support/captured-logs';
import { startTestApp, type TestApp } from './support/test-app';

describe('the server over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await loadProfile(app.db, peterCai);
  });

  afterAll(() => app.close());

  test('a browser gets the Apollo Sandbox landing page', async () => {
    const response = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('new window.EmbeddedSandbox(');
    expect(html).toContain('embeddable-sandbox.umd.production.min.js');
  });

  test('answers the standard introspection query with the whole schema', async () => {
    const { status, data, errors } = await app.query<IntrospectionQuery>(getIntrospectionQuery());
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    const types = new Map(data?.__schema.types.map((type) => [type.name, type]));
    for (const name of ['Person', 'Role', 'Degree', 'Skill', 'Node', 'PartialDate', 'PersonConnection', 'PageInfo']) {
      expect(types.has(name)).toBe(true);
    }
    expect(data?.__schema.queryType.name).toBe('Query');
  });

  test('executeOperation and HTTP give the same answer', async () => {
    const query = '{ person(handle: "petercai") { id name roles(first: 1) { company } } }';
    const overHttp = await app.query(query);
    const inProcess = await app.execute(query);
    expect(inProcess.data).toEqual(overHttp.data);
    expect(overHttp.data).toMatchObject({ person: { name: 'Peter Cai', roles: [{ company: 'Snap' }] } });
  });

  test('GraphQL responses, answers and errors alike, may not be stored by caches', async () => {
    for (const query of ['{ person(handle: "petercai") { name } }', '{ person { name } }', '{ nope }']) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  test('CSRF prevention refuses simple requests and accepts preflighted ones', async () => {
    const get = `${app.url}?query=${encodeURIComponent('{ people { totalCount } }')}`;
    expect((await fetch(get)).status).toBe(400);
    const preflighted = await fetch(get, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { people: { totalCount: 1 } } });
    const textPlain = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ people { totalCount } }' }),
    });
    expect(textPlain.status).toBe(400);
  });

  test('a query that does not parse or validate gets a 400 with a code', async () => {
    const unparsable = await app.query('{ person(handle: ');
    expect(unparsable.status).toBe(400);
    expect(unparsable.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await app.query('{ person(handle: "x") { salary } }');
    expect(invalid.status).toBe(400);
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('a JSON body is read alike however it comes: compressed, chunked, with a byte-order mark, with its charset', async () => {
    const body = JSON.stringify({ query: '{ person(handle: "petercai") { name } }' });
    const post = async (headers: Record<string, string>, payload: Buffer | string | ReadableStream) => {
      const response = await fetch(app.url, { method: 'POST', headers, body: payload, duplex: 'half' });
      return { status: response.status, text: await response.text() };
    };
    const plain = await post({ 'content-type': 'application/json' }, body);
    expect(plain).toEqual({ status: 200, text: '{"data":{"person":{"name":"Peter Cai"}}}\n' });
    // gzip is express.json()'s to inflate; the others the GraphQL endpoint reads itself.
    expect(await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(body))).toEqual(plain);
    expect(await post({ 'content-type': 'application/json' }, `\ufeff${body}`)).toEqual(plain);
    expect(await post({ 'content-type': 'application/json; charset="UTF-8"' }, body)).toEqual(plain);
    const chunked = new ReadableStream({
      start(controller) {
        for (const part of [body.slice(0, 10), body.slice(10)]) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });
    expect(await post({ 'content-type': 'application/json' }, chunked)).toEqual(plain);
  });

  test('a body declared larger than the limit is refused before it is sent', async () => {
    const socket = connect(Number(new URL(app.url).port), '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        if (text.includes('\r\n\r\n{')) resolve(text);
      });
    });
    // The header promises 50 MB; only two bytes follow, and the socket stays open.
    socket.write('POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 50000000\r\n\r\n{}');
    const text = await answer;
    socket.destroy();
    expect(text).toMatch(/^HTTP\/1.1 413 /);
    expect(text).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });

  test('/healthz answers', async () => {
    const response = await fetch(new URL('/healthz', app.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('with introspection turned off', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ INTROSPECTION: false });
  });

  afterAll(() => app.close());

  test('introspection is refused and the landing page offers no Sandbox', async () => {
    const { errors } = await app.query(getIntrospectionQuery());
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const html = await (await fetch(app.url, { headers: { accept: 'text/html' } })).text();
    expect(html).not.toContain('EmbeddedSandbox');
  });

  test('ordinary queries still work', async () => {
    const { data } = await app.query('{ people { totalCount } }');
    expect(data).toEqual({ people: { totalCount: 0 } });
  });
});

describe('internal errors', () => {
  // A missing table makes every roles query fail inside the database driver.
  async function brokenApp(nodeEnv: 'production' | 'development', logger?: Logger): Promise<TestApp> {
    const app = await startTestApp({ NODE_ENV: nodeEnv }, logger);
    await loadProfile(app.db, peterCai);
    await app.db.query('DROP TABLE role');
    return app;
  }

  const query = '{ person(handle: "petercai") { name roles { title } } }';

  test('in production reach the client without SQL, table names or stack traces, with a request id the log has', async () => {
    const logs = captureLogs();
    const app = await brokenApp('production', logs.logger);
    try {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data: unknown; errors: GraphQLFormattedError[] };
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: expect.any(Array),
          // The person's own statement reads the roles too (person(handle:) looks ahead).
          path: ['person'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
        },
      ]);
      expect(JSON.stringify(body)).not.toMatch(/relation|role"|SELECT|stacktrace/);
      const failure = logs.lines.find((line) => line.msg === 'resolver failed');
      expect(failure).toMatchObject({ requestId, level: 50 });
      expect(JSON.stringify(failure)).toMatch(/relation \\"role\\" does not exist/);
    } finally {
      await app.close();
    }
  });

  test('in development keep their message for the developer', async () => {
    const app = await brokenApp('development');
    try {
      const response = await app.query(query);
      expect(response.errors?.[0]?.message).toMatch(/relation "role" does not exist/);
    } finally {
      await app.close();
    }
  });
});
