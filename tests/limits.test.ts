import type { GraphQLFormattedError } from 'graphql';
import { getIntrospectionQuery } from 'graphql';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { peopleListQuery, profilePageQuery } from './support/queries';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production' });
  await loadProfile(app.db, peterCai);
});

afterAll(() => app.close());

async function refusal(
  query: string,
  variables?: Record<string, unknown>,
  target = app,
): Promise<{ status: number; error?: GraphQLFormattedError; data: unknown }> {
  const response = await target.query(query, variables);
  return { status: response.status, error: response.errors?.[0], data: response.data };
}

/** person → roles → person → roles ...: `levels` fields deep below person(handle:). */
function nested(levels: number): string {
  const path = Array.from({ length: levels }, (_, i) => (i % 2 ? 'person' : 'roles'));
  const leaf = levels % 2 ? '{ title }' : '{ handle }';
  return `{ person(handle: "petercai") ${path.reduceRight((inner, field) => `{ ${field} ${inner} }`, leaf)} }`;
}

describe('what a query may ask, refused before it runs', () => {
  test('depth', async () => {
    const { status, error } = await refusal(nested(14));
    expect(status).toBe(400);
    expect(error?.extensions).toEqual({ code: 'DEPTH_LIMIT_EXCEEDED', limit: 12, found: expect.any(Number) });
    expect(error?.extensions?.found).toBeGreaterThan(12);
    expect(error?.message).toMatch(/depth is \d+, at most 12 allowed/);
    expect((await refusal(nested(6))).error).toBeUndefined();
  });

  test('aliases', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: person(handle: "petercai") { name }`).join(' ');
    const { status, error } = await refusal(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(error?.extensions).toEqual({ code: 'ALIAS_LIMIT_EXCEEDED', limit: 30, found: 40 });
  });

  test('directives', async () => {
    const fields = Array.from({ length: 25 }, () => '__typename @include(if: true)').join(' ');
    const { status, error } = await refusal(`{ ${fields} }`);
    expect(status).toBe(400);
    expect(error?.extensions).toEqual({ code: 'DIRECTIVE_LIMIT_EXCEEDED', limit: 20, found: 25 });
  });

  test('tokens', async () => {
    const { status, error } = await refusal(`{ ${'__typename '.repeat(6000)} }`);
    expect(status).toBe(400);
    expect(error?.extensions).toEqual({ code: 'TOKEN_LIMIT_EXCEEDED', limit: 5000, found: null });
    expect(error?.message).toMatch(/more than 5000, at most 5000 allowed/);
  });

  test('cost, multiplied by first/last', async () => {
    const bomb = '{ people(first: 100) { nodes { skills(first: 100) { people(first: 100) { nodes { handle name } } } } } }';
    const { status, error } = await refusal(bomb);
    expect(status).toBe(400);
    expect(error?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 25_000 });
    expect(error?.extensions?.found).toBeGreaterThan(1_000_000);
    // Variables count too.
    const viaVariables = await refusal(
      'query ($n: Int) { people(first: $n) { nodes { skills(first: $n) { people(first: $n) { nodes { handle } } } } } }',
      { n: 100 },
    );
    expect(viaVariables.error?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  });

  test('a repeated operation is costed again for each value of the variables its cost depends on', async () => {
    // The cost of a document is cached by the values of its cost variables: the same text must
    // still be refused or let through according to them, in any order.
    const query = `query ($n: Int, $deep: Boolean!, $handle: String!) {
      people(first: $n) { nodes { handle skills(first: $n) @include(if: $deep) { people(first: $n) { nodes { handle } } } } }
      person(handle: $handle) { name }
    }`;
    const code = async (variables: Record<string, unknown>) => (await refusal(query, variables)).error?.extensions?.code;
    expect(await code({ n: 5, deep: true, handle: 'a' })).toBeUndefined();
    expect(await code({ n: 100, deep: true, handle: 'b' })).toBe('COST_LIMIT_EXCEEDED');
    expect(await code({ n: 100, deep: false, handle: 'c' })).toBeUndefined();
    expect(await code({ n: 100, deep: true, handle: 'd' })).toBe('COST_LIMIT_EXCEEDED');
    expect(await code({ n: 5, deep: true, handle: 'e' })).toBeUndefined();
    // Left out, $n has no value (the default page size applies); null is a value too.
    const defaults =
      'query ($n: Int = 100) { people(first: $n) { nodes { skills(first: $n) { people(first: $n) { nodes { handle } } } } } }';
    expect((await refusal(defaults, {})).error?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect((await refusal(defaults, { n: null })).error?.extensions?.code).toBeUndefined();
    expect((await refusal(defaults, {})).error?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    // Variables that do not fit are refused by execution, and are not remembered as costing nothing.
    expect((await refusal(defaults, { n: 'many' })).error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await refusal(defaults, {})).error?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  });

  test('the operations UIs run, and introspection, pass', async () => {
    for (const [query, variables] of [
      [profilePageQuery, { handle: 'petercai' }],
      [peopleListQuery, { first: 100 }],
      [getIntrospectionQuery(), undefined],
    ] as const) {
      const response = await app.query(query, variables);
      expect(response.errors).toBeUndefined();
    }
  });

  test('each limit is a setting', async () => {
    const strict = await startTestApp({ MAX_QUERY_DEPTH: 3, MAX_ALIASES: 1, MAX_QUERY_COST: 10 });
    try {
      expect((await refusal(nested(3), undefined, strict)).error?.extensions).toMatchObject({ code: 'DEPTH_LIMIT_EXCEEDED', limit: 3 });
      expect((await refusal('{ a: people { totalCount } b: people { totalCount } }', undefined, strict)).error?.extensions).toMatchObject({
        code: 'ALIAS_LIMIT_EXCEEDED',
        limit: 1,
      });
      expect((await refusal('{ people(first: 20) { nodes { handle } } }', undefined, strict)).error?.extensions).toMatchObject({
        code: 'COST_LIMIT_EXCEEDED',
        limit: 10,
      });
    } finally {
      await strict.close();
    }
  });
});

describe('requests', () => {
  test('a body over MAX_BODY_BYTES gets 413', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  test('batched requests are off unless MAX_BATCH_OPERATIONS allows them, and then capped', async () => {
    const batch = (n: number) => JSON.stringify(Array.from({ length: n }, () => ({ query: '{ __typename }' })));
    const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const off = await post(app.url, batch(2));
    expect(off.status).toBe(400);
    expect(await off.json()).toMatchObject({ errors: [{ extensions: { code: 'BATCH_LIMIT_EXCEEDED' } }] });

    const batching = await startTestApp({ MAX_BATCH_OPERATIONS: 2 });
    try {
      const two = await post(batching.url, batch(2));
      expect(two.status).toBe(200);
      expect(await two.json()).toEqual([{ data: { __typename: 'Query' } }, { data: { __typename: 'Query' } }]);
      expect((await post(batching.url, batch(3))).status).toBe(400);
    } finally {
      await batching.close();
    }
  });

  test('every database statement runs under DB_STATEMENT_TIMEOUT_MS', async () => {
    const quick = await startTestApp({ DB_STATEMENT_TIMEOUT_MS: 100 });
    try {
      await expect(quick.db.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ driverError: { code: '57014' } });
    } finally {
      await quick.close();
    }
  });

  test('field suggestions are hidden in production and shown in development', async () => {
    const production = await app.query('{ peple { totalCount } }');
    expect(production.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const development = await startTestApp({ NODE_ENV: 'development' });
    try {
      expect((await development.query('{ peple { totalCount } }')).errors?.[0]?.message).toMatch(/Did you mean "people"/);
    } finally {
      await development.close();
    }
  });
});
